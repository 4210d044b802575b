import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One UTC day of mail traffic, all accounts together. */
export interface DailyTraffic {
  /** YYYY-MM-DD (UTC). */
  day: string;
  /** Emails the SMTP server accepted that day. */
  sent: number;
  /** Replies (auto-replies apart) received that day. */
  replies: number;
  autoReplies: number;
  bounces: number;
  complaints: number;
}

/** An email whose fate nobody knows (the send was interrupted and the Sent folder could not tell). */
export interface StuckMessage {
  messageId: string;
  accountId: string;
  mailboxId: string;
  enrollmentId: string;
  claimedAt: Date;
}

/** A mailbox whose last INBOX sync failed; the error is the mail server's, addresses masked by the caller. */
export interface FailingMailbox {
  mailboxId: string;
  accountId: string;
  syncError: string;
  updatedAt: Date;
}

/**
 * What operators watch, read across every account: traffic per day, emails stuck in `unknown`,
 * mailboxes whose sync fails. Ids and counts only: no address, no subject leaves this file.
 */
@Injectable()
export class OperationsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The last `days` UTC days, oldest first, today included; a day without traffic has zeros. */
  async dailyTraffic(days: number, now = new Date()): Promise<DailyTraffic[]> {
    const rows: Array<Record<string, unknown>> = await this.dataSource.query(
      `WITH days AS (
         SELECT generate_series(date_trunc('day', $1::timestamptz, 'UTC') - ($2::int - 1) * interval '1 day',
                                date_trunc('day', $1::timestamptz, 'UTC'), interval '1 day') AS day
       ), sent AS (
         SELECT date_trunc('day', sent_at, 'UTC') AS day, count(*)::int AS n
         FROM messages WHERE sent_at >= (SELECT min(day) FROM days) GROUP BY 1
       ), inbound AS (
         SELECT date_trunc('day', coalesce(received_at, created_at), 'UTC') AS day,
                count(*) FILTER (WHERE kind = 'reply')::int AS replies,
                count(*) FILTER (WHERE kind = 'auto_reply')::int AS auto_replies,
                count(*) FILTER (WHERE kind = 'bounce')::int AS bounces,
                count(*) FILTER (WHERE kind = 'complaint')::int AS complaints
         FROM inbound_messages WHERE coalesce(received_at, created_at) >= (SELECT min(day) FROM days) GROUP BY 1
       )
       SELECT to_char(days.day AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day, coalesce(sent.n, 0) AS sent,
              coalesce(inbound.replies, 0) AS replies, coalesce(inbound.auto_replies, 0) AS auto_replies,
              coalesce(inbound.bounces, 0) AS bounces, coalesce(inbound.complaints, 0) AS complaints
       FROM days LEFT JOIN sent ON sent.day = days.day LEFT JOIN inbound ON inbound.day = days.day
       ORDER BY days.day`,
      [now, days],
    );
    return rows.map((row) => ({
      day: String(row.day),
      sent: Number(row.sent),
      replies: Number(row.replies),
      autoReplies: Number(row.auto_replies),
      bounces: Number(row.bounces),
      complaints: Number(row.complaints),
    }));
  }

  /** How many emails sit in `unknown`, and the oldest `limit` of them (0: the count alone). */
  async stuckMessages(limit: number): Promise<{ total: number; oldest: StuckMessage[] }> {
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM messages WHERE status = 'unknown'`);
    const rows: Array<Record<string, any>> = limit === 0 ? [] : await this.dataSource.query(
      `SELECT id, account_id, mailbox_id, enrollment_id, claimed_at FROM messages
       WHERE status = 'unknown' ORDER BY claimed_at, id LIMIT $1`,
      [limit],
    );
    return {
      total,
      oldest: rows.map((row) => ({
        messageId: row.id, accountId: row.account_id, mailboxId: row.mailbox_id, enrollmentId: row.enrollment_id, claimedAt: row.claimed_at,
      })),
    };
  }

  /** How many mailboxes' last sync failed, and the `limit` most recently touched (0: the count alone). */
  async failingMailboxes(limit: number): Promise<{ total: number; mailboxes: FailingMailbox[] }> {
    const [{ total }] = await this.dataSource.query(`SELECT count(*)::int AS total FROM mailboxes WHERE sync_error IS NOT NULL`);
    const rows: Array<Record<string, any>> = limit === 0 ? [] : await this.dataSource.query(
      `SELECT id, account_id, sync_error, updated_at FROM mailboxes
       WHERE sync_error IS NOT NULL ORDER BY updated_at DESC, id LIMIT $1`,
      [limit],
    );
    return {
      total,
      mailboxes: rows.map((row) => ({ mailboxId: row.id, accountId: row.account_id, syncError: row.sync_error, updatedAt: row.updated_at })),
    };
  }
}
