import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { complaintSql, hardBounceSql } from './hard-bounce-sql';

/** What happened to a set of sent emails (or, campaign-wide, to a set of prospects). */
export interface OutcomeCounts {
  sent: number;
  opened: number;
  clicked: number;
  replied: number;
  /** Emails (or prospects) that came back saying the recipient is gone; bounces blaming the sender or only for now do not count. */
  bounced: number;
  unsubscribed: number;
  /** Emails (or prospects) whose recipient complained (an ARF feedback report). */
  complained: number;
}

/** Counts over the sent messages of one variant of one step: each message counts once. */
export interface VariantCounts extends OutcomeCounts {
  stepId: string;
  variant: string;
}

/** Counts over the prospects of a campaign: each enrollment counts once. */
export interface ProspectCounts extends OutcomeCounts {
  enrolled: number;
}

/** Does message `m` have at least one tracking event of this kind? (index ix_tracking_events_message_kind) */
const tracked = (kind: 'open' | 'click' | 'unsubscribe') =>
  `EXISTS (SELECT 1 FROM tracking_events t WHERE t.message_id = m.id AND t.kind = '${kind}')`;
/** A bounce counts when its reason says the recipient is gone: one blaming the sender, or only for now, does not. */
const HARD_BOUNCE = hardBounceSql('i');
const COMPLAINT = complaintSql('i');
const ANSWERS = { reply: `i.kind = 'reply'`, bounce: HARD_BOUNCE, complaint: COMPLAINT };
/** Is message `m` answered by a reply, bounced for good, or complained about? (index ix_inbound_messages_reply_to) */
const answered = (kind: keyof typeof ANSWERS) =>
  `EXISTS (SELECT 1 FROM inbound_messages i WHERE i.in_reply_to_message_id = m.id AND ${ANSWERS[kind]})`;
/** Has enrollment `e` a sent message satisfying `condition` on `m`? (index uq_messages_enrollment_step) */
const anySent = (condition = 'true') =>
  `EXISTS (SELECT 1 FROM messages m WHERE m.enrollment_id = e.id AND m.status = 'sent' AND ${condition})`;

/**
 * Campaign stats, counted in SQL. Only messages with status 'sent' count as sent (an 'unknown'
 * one may or may not have left); opens, clicks, replies, bounces and unsubscribes are counted
 * once per message however many events it has.
 */
@Injectable()
export class StatsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** One row per (step, variant) that has sent messages; steps with none have no row. */
  async countByStepAndVariant(accountId: string, campaignId: string): Promise<VariantCounts[]> {
    const rows = await this.dataSource.query(
      `SELECT m.step_id, m.variant,
              count(*)::int AS sent,
              count(*) FILTER (WHERE ${tracked('open')})::int AS opened,
              count(*) FILTER (WHERE ${tracked('click')})::int AS clicked,
              count(*) FILTER (WHERE ${answered('reply')})::int AS replied,
              count(*) FILTER (WHERE ${answered('bounce')})::int AS bounced,
              count(*) FILTER (WHERE ${tracked('unsubscribe')})::int AS unsubscribed,
              count(*) FILTER (WHERE ${answered('complaint')})::int AS complained
       FROM steps s JOIN messages m ON m.step_id = s.id AND m.status = 'sent'
       WHERE s.campaign_id = $1 AND m.account_id = $2
       GROUP BY m.step_id, m.variant`,
      [campaignId, accountId],
    );
    return rows.map((r: Record<string, any>) => ({ stepId: r.step_id, variant: r.variant, ...outcomes(r) }));
  }

  /**
   * Prospects of the campaign: enrolled, sent at least one email, opened / clicked at least one,
   * replied (a reply recorded, or the enrollment ended by one), bounced and unsubscribed (an
   * event on one of their emails, or the enrollment stopped for that reason).
   */
  async countProspects(accountId: string, campaignId: string): Promise<ProspectCounts> {
    const [row] = await this.dataSource.query(
      `WITH per_enrollment AS (
         SELECT ${anySent()} AS sent,
                ${anySent(tracked('open'))} AS opened,
                ${anySent(tracked('click'))} AS clicked,
                e.status = 'replied'
                  OR EXISTS (SELECT 1 FROM inbound_messages i WHERE i.enrollment_id = e.id AND i.kind = 'reply') AS replied,
                -- Ended because the recipient is gone: not after resends to a full mailbox or a refusing server.
                (e.status = 'bounced' AND e.stop_reason = 'hard_bounce')
                  OR EXISTS (SELECT 1 FROM inbound_messages i WHERE i.enrollment_id = e.id AND ${HARD_BOUNCE}) AS bounced,
                e.stop_reason = 'unsubscribed' OR ${anySent(tracked('unsubscribe'))} AS unsubscribed,
                EXISTS (SELECT 1 FROM inbound_messages i WHERE i.enrollment_id = e.id AND ${COMPLAINT}) AS complained
         FROM enrollments e WHERE e.campaign_id = $1 AND e.account_id = $2)
       SELECT count(*)::int AS enrolled,
              count(*) FILTER (WHERE sent)::int AS sent,
              count(*) FILTER (WHERE opened)::int AS opened,
              count(*) FILTER (WHERE clicked)::int AS clicked,
              count(*) FILTER (WHERE replied)::int AS replied,
              count(*) FILTER (WHERE bounced)::int AS bounced,
              count(*) FILTER (WHERE unsubscribed)::int AS unsubscribed,
              count(*) FILTER (WHERE complained)::int AS complained
       FROM per_enrollment`,
      [campaignId, accountId],
    );
    return { enrolled: row.enrolled, ...outcomes(row) };
  }
}

function outcomes(row: Record<string, any>): OutcomeCounts {
  return {
    sent: row.sent,
    opened: row.opened,
    clicked: row.clicked,
    replied: row.replied,
    bounced: row.bounced,
    unsubscribed: row.unsubscribed,
    complained: row.complained,
  };
}
