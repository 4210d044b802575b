import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { endEnrollments, RUNNING } from './enrollment-ends';
import { complaintSql, hardBounceSql } from './hard-bounce-sql';
import { keysetPage, type Page } from './keyset-page';

export type ControlAction = 'pause' | 'resume' | 'stop';

/** The states each action moves from and to: anything else is refused, nothing changes. */
const ENROLLMENT_MOVES: Record<ControlAction, { from: readonly string[]; to: string }> = {
  pause: { from: ['active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  stop: { from: RUNNING, to: 'stopped' },
};
const CAMPAIGN_MOVES: Record<ControlAction, { from: string[]; to: string }> = {
  pause: { from: ['launching', 'active'], to: 'paused' },
  resume: { from: ['paused'], to: 'active' },
  stop: { from: ['draft', 'launching', 'active', 'paused'], to: 'stopped' },
};

export type ControlOutcome = 'changed' | 'not_found' | { refused: string };

/**
 * Pause, resume and stop, for one enrollment or a whole campaign. The database is the
 * authority the send claim reads; signals only wake the workflows sooner.
 */
@Injectable()
export class SequenceControlRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Moves one enrollment. `beforeCommit` runs in the same transaction once the row has changed
   * (the control workflow's start): when it throws, nothing changes, so the request can simply
   * be retried.
   */
  controlEnrollment(accountId: string, id: string, action: ControlAction, beforeCommit?: () => Promise<void>): Promise<ControlOutcome> {
    const move = ENROLLMENT_MOVES[action];
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(
        `SELECT status FROM enrollments WHERE id = $1 AND account_id = $2 FOR UPDATE`, [id, accountId],
      );
      if (!current) return 'not_found';
      if (!move.from.includes(current.status)) return { refused: current.status };
      if (action === 'stop') {
        await endEnrollments(manager, { ids: [id] }, { status: 'stopped', reason: 'stopped_by_user' });
      } else {
        await manager.query(`UPDATE enrollments SET status = $2, updated_at = now() WHERE id = $1`, [id, move.to]);
      }
      await beforeCommit?.();
      return 'changed';
    });
  }

  /**
   * Moves a whole campaign; stopping it ends every enrollment still running. `beforeCommit` as
   * for one enrollment: both happen, or neither.
   */
  controlCampaign(accountId: string, id: string, action: ControlAction, beforeCommit?: () => Promise<void>): Promise<ControlOutcome> {
    const move = CAMPAIGN_MOVES[action];
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(
        `SELECT status FROM campaigns WHERE id = $1 AND account_id = $2 FOR UPDATE`, [id, accountId],
      );
      if (!current) return 'not_found';
      if (!move.from.includes(current.status)) return { refused: current.status };
      // A rep's resume or stop replaces any reason the campaign gave for pausing itself.
      await manager.query(`UPDATE campaigns SET status = $2, pause_reason = NULL, updated_at = now() WHERE id = $1`, [id, move.to]);
      if (action === 'stop') {
        await endEnrollments(manager, { where: `e.campaign_id = $1`, params: [id] }, { status: 'stopped', reason: 'campaign_stopped' });
      }
      await beforeCommit?.();
      return 'changed';
    });
  }

  /**
   * The campaign's status once any control changing it has committed (a control's transaction
   * holds the row until then): its control workflow signals only what the database says.
   */
  async committedCampaignStatus(campaignId: string): Promise<string | null> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT status FROM campaigns WHERE id = $1 FOR SHARE`, [campaignId]);
      return row?.status ?? null;
    });
  }

  /** The same for one enrollment: its status and stop reason once committed; null when it is gone. */
  async committedEnrollmentState(enrollmentId: string): Promise<{ status: string; stopReason: string | null } | null> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT status, stop_reason FROM enrollments WHERE id = $1 FOR SHARE`, [enrollmentId]);
      return row ? { status: row.status, stopReason: row.stop_reason } : null;
    });
  }

  /**
   * Pauses the campaign when the share of its emails that came back saying the recipient is gone
   * passed its limit after enough sends, with the reason in words (bounces blaming the sender or
   * only for now do not count). Returns the reason when it paused it, null otherwise.
   */
  pauseIfBouncing(campaignId: string): Promise<string | null> {
    return this.pauseOnRate(campaignId, {
      matches: hardBounceSql('i'), what: 'bounce rate', limit: 'bounce_rate_limit', minSends: 'bounce_rate_min_sends', decimals: 1,
    });
  }

  /** The same for complaints (ARF feedback reports), against the campaign's complaint limit. */
  pauseIfComplaining(campaignId: string): Promise<string | null> {
    return this.pauseOnRate(campaignId, {
      matches: complaintSql('i'), what: 'complaint rate', limit: 'complaint_rate_limit', minSends: 'complaint_rate_min_sends', decimals: 2,
    });
  }

  /** Pauses the campaign when the emails with an inbound message `matches` (SQL on `i`) passed its `limit` column's share. */
  private async pauseOnRate(
    campaignId: string,
    rule: { matches: string; what: string; limit: string; minSends: string; decimals: number },
  ): Promise<string | null> {
    const [rows] = await this.dataSource.query(
      `WITH sent AS (
         SELECT m.id FROM messages m JOIN enrollments e ON e.id = m.enrollment_id
         WHERE e.campaign_id = $1 AND m.status = 'sent'),
       hit AS (
         SELECT DISTINCT i.in_reply_to_message_id FROM inbound_messages i
         WHERE ${rule.matches} AND i.in_reply_to_message_id IN (SELECT id FROM sent)),
       rate AS (SELECT (SELECT count(*) FROM sent) AS sends, (SELECT count(*) FROM hit) AS hits)
       UPDATE campaigns c SET status = 'paused', updated_at = now(),
         pause_reason = format('%s %s%% (%s of %s emails) passed the limit of %s%%', $2::text,
           round(100.0 * rate.hits / rate.sends, $3), rate.hits, rate.sends, round((100 * c.${rule.limit})::numeric, $3))
       FROM rate
       WHERE c.id = $1 AND c.status IN ('launching', 'active') AND rate.sends >= c.${rule.minSends}
         AND rate.hits > c.${rule.limit} * rate.sends
       RETURNING c.pause_reason`,
      [campaignId, rule.what, rule.decimals],
    );
    return rows[0]?.pause_reason ?? null;
  }

  /**
   * Enrollments of a campaign whose workflows may be waiting, `limit` at a time after the
   * enrollment `afterId` (id order).
   */
  runningEnrollmentIds(campaignId: string, afterId: string | null, limit: number): Promise<Page<string>> {
    return keysetPage(this.dataSource, {
      rows: `SELECT id FROM enrollments WHERE campaign_id = $1
               AND (status = ANY($2::text[]) OR (status = 'stopped' AND stop_reason = 'campaign_stopped'))`,
      params: [campaignId, RUNNING],
      key: ['id'],
      map: (row): string => row.id,
    }, { limit, after: afterId });
  }
}
