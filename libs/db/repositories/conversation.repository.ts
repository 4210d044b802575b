import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { MessageStatus } from '../entities/message.entity';
import { keysetPage, type Page } from './keyset-page';

/** One email of a prospect's conversation: sent by Relance (outbound) or found by IMAP (inbound). */
export interface ConversationEntry {
  id: string;
  direction: 'outbound' | 'inbound';
  /** The order key: when it was sent (claimed, if never sent) or received. */
  occurredAt: Date;
  mailboxId: string;
  enrollmentId: string;
  campaignId: string;
  /** Outbound only. */
  stepId: string | null;
  status: MessageStatus | null;
  sentAt: Date | null;
  /** Outbound only: times it came back soft-bounced after the remote server gave up. */
  softBounces: number | null;
  /** Outbound only: when it is sent again after such a bounce; null when no resend is planned. */
  resendAt: Date | null;
  /** Inbound only: reply, and later auto_reply or bounce. */
  kind: string | null;
  receivedAt: Date | null;
  /** Inbound only: which of our messages it answers. */
  inReplyToMessageId: string | null;
  messageIdHeader: string | null;
  fromAddress: string | null;
  toAddress: string | null;
  subject: string;
  bodyText: string;
}

/**
 * Both directions of a prospect's mail, in the account. An inbound message is placed no earlier
 * than the message it answers: its time is the sender's Date header, whose clock may be behind
 * (and has no milliseconds). Ties go to the one Relance recorded first (a reply is always
 * recorded after the message it answers), then to the id, so the order is total and stable.
 */
const ENTRIES = `
  WITH entries AS (
    SELECT m.id, 'outbound' AS direction, coalesce(m.sent_at, m.claimed_at) AS occurred_at, m.created_at AS recorded_at,
           m.mailbox_id, m.enrollment_id, e.campaign_id, m.step_id, m.status, m.sent_at, m.soft_bounces, m.resend_at,
           NULL::text AS kind, NULL::timestamptz AS received_at, NULL::uuid AS in_reply_to_message_id,
           m.message_id_header, m.from_address, m.to_address, m.subject, m.body_text
    FROM enrollments e JOIN messages m ON m.enrollment_id = e.id
    WHERE e.account_id = $1 AND e.prospect_id = $2
    UNION ALL
    SELECT i.id, 'inbound', greatest(coalesce(i.received_at, i.created_at), r.sent_at), i.created_at,
           i.mailbox_id, i.enrollment_id, e.campaign_id, NULL, NULL, NULL, NULL, NULL,
           i.kind, i.received_at, i.in_reply_to_message_id,
           i.message_id_header, i.from_address, NULL, i.subject, i.body_text
    FROM enrollments e JOIN inbound_messages i ON i.enrollment_id = e.id
    LEFT JOIN messages r ON r.id = i.in_reply_to_message_id
    WHERE e.account_id = $1 AND e.prospect_id = $2)`;

@Injectable()
export class ConversationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * The prospect's emails, oldest first, `limit` at a time, after the entry `afterId`.
   * Returns null when `afterId` is not an entry of this conversation (a stale or forged cursor).
   */
  listPage(accountId: string, prospectId: string, options: { limit: number; afterId?: string }): Promise<Page<ConversationEntry> | null> {
    return keysetPage(this.dataSource, {
      rows: `${ENTRIES} SELECT * FROM entries`,
      params: [accountId, prospectId],
      key: ['occurred_at', 'recorded_at', 'id'],
      map: toEntry,
    }, { limit: options.limit, after: options.afterId });
  }
}

function toEntry(r: Record<string, any>): ConversationEntry {
  return {
    id: r.id,
    direction: r.direction,
    occurredAt: r.occurred_at,
    mailboxId: r.mailbox_id,
    enrollmentId: r.enrollment_id,
    campaignId: r.campaign_id,
    stepId: r.step_id,
    status: r.status,
    sentAt: r.sent_at,
    softBounces: r.soft_bounces,
    resendAt: r.resend_at,
    kind: r.kind,
    receivedAt: r.received_at,
    inReplyToMessageId: r.in_reply_to_message_id,
    messageIdHeader: r.message_id_header,
    fromAddress: r.from_address,
    toAddress: r.to_address,
    subject: r.subject,
    bodyText: r.body_text,
  };
}
