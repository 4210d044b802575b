import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface InboundReply {
  mailboxId: string;
  uidValidity: string;
  uid: number;
  messageIdHeader: string | null;
  /** Message-IDs the mail may answer, most specific first. */
  candidateMessageIds: string[];
  fromAddress: string | null;
  subject: string;
  bodyText: string;
  receivedAt: Date | null;
}

export interface RecordedReply {
  inboundMessageId: string;
  enrollmentId: string;
  /** False when this IMAP message had already been recorded (a re-read after a crash). */
  isNew: boolean;
}

@Injectable()
export class InboundRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Stores a reply to one of our messages and, in the same transaction, ends its enrollment
   * and marks the prospect as replied — so no later send can be claimed for them, whether or
   * not the workflow has heard the signal yet. Returns null when the mail answers nothing of ours.
   */
  recordReply(reply: InboundReply): Promise<RecordedReply | null> {
    if (reply.candidateMessageIds.length === 0) return Promise.resolve(null);
    return this.dataSource.transaction(async (manager) => {
      const [matched] = await manager.query(
        `SELECT m.id, m.account_id, m.enrollment_id, e.prospect_id
         FROM messages m JOIN enrollments e ON e.id = m.enrollment_id
         WHERE m.mailbox_id = $1 AND m.message_id_header = ANY($2::text[])
         ORDER BY array_position($2::text[], m.message_id_header) LIMIT 1`,
        [reply.mailboxId, reply.candidateMessageIds],
      );
      if (!matched) return null;
      const inserted = await manager.query(
        `INSERT INTO inbound_messages (account_id, mailbox_id, imap_uid_validity, imap_uid, kind, message_id_header,
           in_reply_to_message_id, enrollment_id, from_address, subject, body_text, received_at)
         VALUES ($1, $2, $3, $4, 'reply', $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (mailbox_id, imap_uid_validity, imap_uid) DO NOTHING RETURNING id`,
        [
          matched.account_id, reply.mailboxId, reply.uidValidity, reply.uid, reply.messageIdHeader, matched.id,
          matched.enrollment_id, reply.fromAddress, reply.subject, reply.bodyText, reply.receivedAt,
        ],
      );
      if (inserted.length === 0) {
        const [existing] = await manager.query(
          `SELECT id FROM inbound_messages WHERE mailbox_id = $1 AND imap_uid_validity = $2 AND imap_uid = $3`,
          [reply.mailboxId, reply.uidValidity, reply.uid],
        );
        return { inboundMessageId: existing.id, enrollmentId: matched.enrollment_id, isNew: false };
      }
      await manager.query(
        `UPDATE enrollments SET status = 'replied', stop_reason = 'replied', finished_at = now(), updated_at = now()
         WHERE id = $1 AND status = 'active'`,
        [matched.enrollment_id],
      );
      await manager.query(`UPDATE prospects SET status = 'replied', updated_at = now() WHERE id = $1 AND status = 'active'`, [
        matched.prospect_id,
      ]);
      return { inboundMessageId: inserted[0].id, enrollmentId: matched.enrollment_id, isNew: true };
    });
  }
}
