import { Injectable } from '@nestjs/common';
import { DataSource, IsNull, Repository } from 'typeorm';
import { Campaign, StoredSendingWindow } from '../entities/campaign.entity';
import { CampaignMailbox } from '../entities/campaign-mailbox.entity';
import { ConditionKind, Step, StepKind, StepTarget, StepVariant, WaitUnit } from '../entities/step.entity';
import { entityFromRow } from './entity-rows';
import { keysetPage, type Page } from './keyset-page';

/** One step as the API describes it; positions come from the order of the list. */
export interface NewStep {
  kind: StepKind;
  subject?: string | null;
  body?: string | null;
  newThread?: boolean;
  waitAmount?: number | null;
  waitUnit?: WaitUnit | null;
  sendingDaysOnly?: boolean;
  variants?: StepVariant[] | null;
  conditionKind?: ConditionKind | null;
  conditionSincePosition?: number | null;
  conditionThen?: StepTarget | null;
  conditionElse?: StepTarget | null;
  taskTitle?: string | null;
  taskInstructions?: string | null;
}

/** A campaign with every mailbox of its rotation: `mailboxId` first, then the others in id order. */
export type CampaignWithMailboxes = Campaign & { mailboxIds: string[] };
export type CampaignWithSteps = CampaignWithMailboxes & { steps: Step[] };

@Injectable()
export class CampaignRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The campaign and all its steps, or nothing: one transaction. */
  async createWithSteps(
    campaign: {
      accountId: string;
      name: string;
      mailboxId: string;
      /** Mailboxes to rotate across besides `mailboxId`. */
      extraMailboxIds?: string[];
      timeZone?: string;
      sendingWindow?: StoredSendingWindow | null;
      trackingEnabled?: boolean;
      trackingDomain?: string | null;
      bounceRateLimit?: number;
      bounceRateMinSends?: number;
      complaintRateLimit?: number;
      complaintRateMinSends?: number;
      stopOnCompanyReply?: boolean;
    },
    steps: NewStep[],
  ): Promise<CampaignWithSteps> {
    return this.dataSource.transaction(async (manager) => {
      const { extraMailboxIds, ...fields } = campaign;
      const saved = await manager.getRepository(Campaign).save(manager.getRepository(Campaign).create(fields));
      const [first, ...others] = [campaign.mailboxId, ...(extraMailboxIds ?? [])].map((id) => id.toLowerCase());
      const pool = [first, ...[...new Set(others)].filter((id) => id !== first).sort()];
      await manager.getRepository(CampaignMailbox).insert(pool.map((mailboxId) => ({ campaignId: saved.id, mailboxId })));
      const rows = steps.map((step, position) =>
        stepRow(manager.getRepository(Step), saved.id, position, step),
      );
      const savedSteps = await manager.getRepository(Step).save(rows);
      return Object.assign(saved, { mailboxIds: pool, steps: savedSteps });
    });
  }

  findForAccount(accountId: string, id: string): Promise<Campaign | null> {
    return this.dataSource.getRepository(Campaign).findOneBy({ accountId, id });
  }

  async findForAccountWithSteps(accountId: string, id: string): Promise<CampaignWithSteps | null> {
    const campaign = await this.dataSource.getRepository(Campaign).findOneBy({ accountId, id });
    if (!campaign) return null;
    const [withMailboxes] = await this.withMailboxes([campaign]);
    return Object.assign(withMailboxes, { steps: await this.liveSteps(id) });
  }

  /** The campaigns with the mailboxes each rotates across, read in one query. */
  async withMailboxes(campaigns: Campaign[]): Promise<CampaignWithMailboxes[]> {
    if (campaigns.length === 0) return [];
    const rows: { campaign_id: string; mailbox_ids: string[] }[] = await this.dataSource.query(
      `SELECT cm.campaign_id, array_agg(cm.mailbox_id ORDER BY cm.mailbox_id = c.mailbox_id DESC, cm.mailbox_id) AS mailbox_ids
       FROM campaign_mailboxes cm JOIN campaigns c ON c.id = cm.campaign_id
       WHERE cm.campaign_id = ANY($1::uuid[]) GROUP BY cm.campaign_id`,
      [campaigns.map((campaign) => campaign.id)],
    );
    const pools = new Map(rows.map((row) => [row.campaign_id, row.mailbox_ids]));
    return campaigns.map((campaign) => Object.assign(campaign, { mailboxIds: pools.get(campaign.id) ?? [campaign.mailboxId] }));
  }

  /** The steps prospects go through: retired ones (replaced by an edit) are left out. */
  liveSteps(campaignId: string): Promise<Step[]> {
    return this.dataSource.getRepository(Step).find({ where: { campaignId, retiredAt: IsNull() }, order: { position: 'ASC' } });
  }

  /**
   * The last position some prospect has reached (sent, waited, tasked): steps up to it are
   * history and cannot change. -1 when nobody has started.
   */
  async lastReachedPosition(campaignId: string): Promise<number> {
    const [row] = await this.dataSource.query(
      `SELECT greatest(
         (SELECT max(e.current_step) FROM enrollments e WHERE e.campaign_id = $1),
         (SELECT max(s.position) FROM messages m JOIN steps s ON s.id = m.step_id WHERE s.campaign_id = $1),
         -1) AS position`,
      [campaignId],
    );
    return row.position;
  }

  /** Retires the steps after `lockedThrough` and puts `steps` (from that position on) in their place. */
  async replaceStepsAfter(campaignId: string, lockedThrough: number, steps: NewStep[]): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query(
        `UPDATE steps SET retired_at = now() WHERE campaign_id = $1 AND position > $2 AND retired_at IS NULL`,
        [campaignId, lockedThrough],
      );
      const rows = steps.map((step, i) => stepRow(manager.getRepository(Step), campaignId, lockedThrough + 1 + i, step));
      if (rows.length > 0) await manager.getRepository(Step).save(rows);
      await manager.query(`UPDATE campaigns SET updated_at = now() WHERE id = $1`, [campaignId]);
    });
  }

  /**
   * The account's campaigns, oldest first, `limit` at a time after the campaign `afterId`.
   * Returns null when `afterId` is not a campaign of the account (a stale or forged cursor).
   */
  async listPage(accountId: string, options: { limit: number; afterId?: string }): Promise<Page<CampaignWithMailboxes> | null> {
    const page = await keysetPage(this.dataSource, {
      rows: `SELECT c.* FROM campaigns c WHERE c.account_id = $1`,
      params: [accountId],
      key: ['created_at', 'id'],
      map: entityFromRow(this.dataSource, Campaign),
    }, { limit: options.limit, after: options.afterId });
    return page && { items: await this.withMailboxes(page.items), nextCursor: page.nextCursor };
  }

  /** The campaigns still sending (launching or active) that rotate across this mailbox. */
  async runningIdsWithMailbox(mailboxId: string): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT c.id FROM campaigns c JOIN campaign_mailboxes cm ON cm.campaign_id = c.id
       WHERE cm.mailbox_id = $1 AND c.status IN ('launching', 'active') ORDER BY c.id`,
      [mailboxId],
    );
    return rows.map((row) => row.id);
  }

  /** draft → launching; a campaign already launching or running keeps its status. */
  async markLaunching(accountId: string, id: string): Promise<void> {
    await this.dataSource.getRepository(Campaign).update({ accountId, id, status: 'draft' }, { status: 'launching' });
  }
}

/** A step row as written from the API's description of it. */
function stepRow(steps: Repository<Step>, campaignId: string, position: number, step: NewStep): Step {
  return steps.create({
    campaignId,
    position,
    kind: step.kind,
    subject: step.subject ?? null,
    body: step.body ?? null,
    newThread: step.newThread ?? false,
    waitAmount: step.waitAmount ?? null,
    waitUnit: step.waitUnit ?? null,
    sendingDaysOnly: step.sendingDaysOnly ?? false,
    variants: step.variants ?? null,
    conditionKind: step.conditionKind ?? null,
    conditionSincePosition: step.conditionSincePosition ?? null,
    conditionThen: step.conditionThen ?? null,
    conditionElse: step.conditionElse ?? null,
    taskTitle: step.taskTitle ?? null,
    taskInstructions: step.taskInstructions ?? null,
  });
}
