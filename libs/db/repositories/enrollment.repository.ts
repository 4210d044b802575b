import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager, IsNull } from 'typeorm';
import { ENROLLMENT_WORKFLOW_ID_PREFIX } from '@relance/temporal/contracts/workflow-ids';
import { Campaign, StoredSendingWindow } from '../entities/campaign.entity';
import { Enrollment, EnrollmentStatus, EnrollmentWaitReason } from '../entities/enrollment.entity';
import type { ProspectFilter } from '../entities/launch-filter.entity';
import { Step, WaitUnit } from '../entities/step.entity';
import { endEnrollments } from './enrollment-ends';
import { ENROLLMENT_SUMMARY, EnrollmentSummary, toEnrollmentSummary } from './enrollment-summaries';
import { keysetPage, type Page } from './keyset-page';
import { prospectMatches } from './launch-filter.repository';

export type { EnrollmentSummary } from './enrollment-summaries';

export interface WaitContext {
  amount: number;
  unit: WaitUnit;
  sendingDaysOnly: boolean;
  sendingWindow: StoredSendingWindow | null;
  campaignTimeZone: string;
  prospectTimeZone: string | null;
}

/** Who a launch enrolls: these prospects, or those meeting this filter, or (neither) every one. */
export interface ProspectSelection {
  prospectIds?: string[];
  filter?: ProspectFilter;
}

/**
 * Prospects a launch may enroll: active, not restricted, not yet in the campaign, among the
 * ids in $3 and meeting the filter in $4 (either NULL: no such restriction).
 */
const ELIGIBLE_PROSPECTS = `
  FROM prospects p
  WHERE p.account_id = $1 AND p.status = 'active' AND NOT p.restricted
    AND ($3::uuid[] IS NULL OR p.id = ANY($3::uuid[]))
    AND ${prospectMatches('$4')}
    AND NOT EXISTS (SELECT 1 FROM enrollments e WHERE e.campaign_id = $2 AND e.prospect_id = p.id)`;

@Injectable()
export class EnrollmentRepository {
  constructor(private readonly dataSource: DataSource) {}

  async countEligible(accountId: string, campaignId: string, choice: ProspectSelection = {}): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n ${ELIGIBLE_PROSPECTS}`, [
      accountId, campaignId, choice.prospectIds ?? null, choice.filter ?? null,
    ]);
    return row.n;
  }

  /**
   * Enrolls the next `limit` eligible prospects after `afterProspectId` (id order) and
   * returns every enrollment of that id range, new or not, so a retried batch restarts
   * the workflows a crash left unstarted. The unique (campaign, prospect) index makes a
   * second run enroll nobody twice.
   */
  async enrollNextBatch(input: ProspectSelection & {
    accountId: string;
    campaignId: string;
    afterProspectId?: string;
    limit: number;
  }): Promise<{ enrolled: number; batch: { enrollmentId: string; prospectId: string }[]; lastProspectId?: string }> {
    return this.dataSource.transaction(async (manager) => {
      // Shared lock: a stop (which locks the row for update) either comes first and this batch
      // enrolls nobody, or waits for it and then ends the enrollments it made.
      const [campaign] = await manager.query(`SELECT status FROM campaigns WHERE id = $1 FOR SHARE`, [input.campaignId]);
      if (!campaign || campaign.status === 'stopped' || campaign.status === 'completed') return { enrolled: 0, batch: [] };
      const candidates = await keysetPage(manager, {
        rows: `SELECT p.id FROM prospects p
               WHERE p.account_id = $1 AND ($2::uuid[] IS NULL OR p.id = ANY($2::uuid[])) AND ${prospectMatches('$3')}`,
        params: [input.accountId, input.prospectIds ?? null, input.filter ?? null],
        key: ['id'],
        map: (row): string => row.id,
      }, { limit: input.limit, after: input.afterProspectId });
      const ids = candidates.items;
      if (ids.length === 0) return { enrolled: 0, batch: [] };
      const enrolled = await this.insertEligible(manager, input.accountId, input.campaignId, ids, input.filter);
      const batch: { enrollment_id: string; prospect_id: string }[] = await manager.query(
        `SELECT e.id AS enrollment_id, e.prospect_id FROM enrollments e
         WHERE e.campaign_id = $1 AND e.prospect_id = ANY($2::uuid[]) AND e.status = 'active'
         ORDER BY e.prospect_id`,
        [input.campaignId, ids],
      );
      return {
        enrolled,
        batch: batch.map((r) => ({ enrollmentId: r.enrollment_id, prospectId: r.prospect_id })),
        lastProspectId: ids[ids.length - 1],
      };
    });
  }

  private async insertEligible(manager: EntityManager, accountId: string, campaignId: string, ids: string[], filter?: ProspectFilter) {
    const rows: { id: string }[] = await manager.query(
      `INSERT INTO enrollments (id, account_id, campaign_id, prospect_id, workflow_id)
       SELECT g.id, $1, $2, p.id, $5 || g.id
       FROM (SELECT p.id ${ELIGIBLE_PROSPECTS}) p
       CROSS JOIN LATERAL (SELECT gen_random_uuid() AS id) g
       ON CONFLICT (campaign_id, prospect_id) DO NOTHING
       RETURNING id`,
      // The workflow id is spelt by the contracts lib, not here: pass its prefix.
      [accountId, campaignId, ids, filter ?? null, ENROLLMENT_WORKFLOW_ID_PREFIX],
    );
    return rows.length;
  }

  findById(id: string): Promise<Enrollment | null> {
    return this.dataSource.getRepository(Enrollment).findOneBy({ id });
  }

  async findSummary(accountId: string, id: string): Promise<EnrollmentSummary | null> {
    const [row] = await this.dataSource.query(`${ENROLLMENT_SUMMARY} WHERE e.account_id = $1 AND e.id = $2`, [accountId, id]);
    return row ? toEnrollmentSummary(row) : null;
  }

  /**
   * The campaign's enrollments in the order they were made, `limit` at a time after the
   * enrollment `afterId` (index ix_enrollments_campaign_created). Returns null when `afterId` is
   * not an enrollment of the campaign (a stale or forged cursor).
   */
  listPageForCampaign(
    accountId: string,
    campaignId: string,
    options: { limit: number; afterId?: string },
  ): Promise<Page<EnrollmentSummary> | null> {
    return keysetPage(this.dataSource, {
      rows: `${ENROLLMENT_SUMMARY} WHERE e.account_id = $1 AND e.campaign_id = $2`,
      params: [accountId, campaignId],
      key: ['created_at', 'id'],
      map: toEnrollmentSummary,
    }, { limit: options.limit, after: options.afterId });
  }

  /** The enrollment's state and its campaign's steps, in order. */
  async loadPlan(id: string): Promise<{ status: EnrollmentStatus; steps: Step[] } | null> {
    const enrollment = await this.dataSource.getRepository(Enrollment).findOneBy({ id });
    if (!enrollment) return null;
    const steps = await this.dataSource.getRepository(Step).find({
      where: { campaignId: enrollment.campaignId, retiredAt: IsNull() },
      order: { position: 'ASC' },
    });
    return { status: enrollment.status, steps };
  }

  /** A wait step of the enrollment's campaign, with the calendar it is counted in. */
  async loadWait(enrollmentId: string, stepId: string): Promise<WaitContext | null> {
    const [row] = await this.dataSource.query(
      `SELECT s.wait_amount, s.wait_unit, s.sending_days_only, c.sending_window, c.time_zone AS campaign_tz,
              p.time_zone AS prospect_tz
       FROM enrollments e JOIN campaigns c ON c.id = e.campaign_id JOIN prospects p ON p.id = e.prospect_id
       JOIN steps s ON s.campaign_id = c.id AND s.id = $2 AND s.kind = 'wait'
       WHERE e.id = $1`,
      [enrollmentId, stepId],
    );
    if (!row) return null;
    return {
      amount: row.wait_amount,
      unit: row.wait_unit,
      sendingDaysOnly: row.sending_days_only,
      sendingWindow: row.sending_window,
      campaignTimeZone: row.campaign_tz,
      prospectTimeZone: row.prospect_tz,
    };
  }

  async findCampaignAccountId(campaignId: string): Promise<string | null> {
    const campaign = await this.dataSource.getRepository(Campaign).findOne({
      where: { id: campaignId },
      select: { accountId: true },
    });
    return campaign?.accountId ?? null;
  }

  async markCampaignLaunched(campaignId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE campaigns SET status = 'active', launched_at = coalesce(launched_at, now()), updated_at = now()
       WHERE id = $1 AND status IN ('draft', 'launching')`,
      [campaignId],
    );
  }

  /** The running enrollment reached the step at `position`, and waits there when `waiting` says so. */
  async recordProgress(
    id: string,
    position: number,
    waiting?: { reason: Extract<EnrollmentWaitReason, 'wait_step' | 'task'>; until: Date | null },
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE enrollments SET current_step = $2, waiting_reason = $3, waiting_until = $4, updated_at = now()
       WHERE id = $1 AND status IN ('active', 'paused')`,
      [id, position, waiting?.reason ?? null, waiting?.until ?? null],
    );
  }

  /** Ends an enrollment unless something (a reply, a stop) already ended it. */
  async finish(id: string, status: Extract<EnrollmentStatus, 'completed' | 'failed'>, reason: string | null): Promise<void> {
    await endEnrollments(this.dataSource.manager, { ids: [id] }, { status, reason, from: ['active'] });
  }
}
