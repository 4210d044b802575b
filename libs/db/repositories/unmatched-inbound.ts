import type { EntityManager } from 'typeorm';
import { maskEmailAddresses } from '@relance/observability/redaction';

/** A delivery report or complaint that could not be tied to an email of ours, as kept for operators. */
export interface UnmatchedReport {
  mailboxId: string;
  uidValidity: string;
  uid: number;
  kind: 'bounce' | 'complaint';
  messageIdHeader: string | null;
  fromAddress: string | null;
  subject: string;
  receivedAt: Date | null;
  bounceStatus: string | null;
  bounceRawStatus: string | null;
  bounceDiagnostic: string | null;
  bounceReason: string | null;
  feedbackType: string | null;
}

/**
 * Keeps a report about nothing of ours (a bounce of mail the rep sent by hand, a notice naming no
 * message we know) so operators can see it; it stops nothing. It names no one Relance could erase
 * it for, so it keeps no body and no recipients, and addresses in its subject and diagnostic are
 * masked. A re-read of the same IMAP message adds nothing.
 */
export async function recordUnmatched(manager: EntityManager, report: UnmatchedReport): Promise<void> {
  await manager.query(
    `INSERT INTO inbound_messages (account_id, mailbox_id, imap_uid_validity, imap_uid, kind, message_id_header,
       from_address, subject, body_text, received_at, bounce_status, bounce_raw_status, bounce_diagnostic, bounce_reason, feedback_type)
     SELECT mb.account_id, mb.id, $2, $3, $4, $5, $6, $7, '', $8, $9, $10, $11, $12, $13 FROM mailboxes mb WHERE mb.id = $1
     ON CONFLICT (mailbox_id, imap_uid_validity, imap_uid) DO NOTHING`,
    [
      report.mailboxId, report.uidValidity, report.uid, report.kind, report.messageIdHeader, report.fromAddress,
      maskEmailAddresses(report.subject), report.receivedAt, report.bounceStatus, report.bounceRawStatus,
      report.bounceDiagnostic === null ? null : maskEmailAddresses(report.bounceDiagnostic), report.bounceReason, report.feedbackType,
    ],
  );
}

/** What operators list: reports tied to nothing of ours, or bounces whose reason could not be read. */
export const UNMATCHED_REPORT_SQL = `i.kind IN ('bounce', 'complaint') AND (i.in_reply_to_message_id IS NULL OR i.bounce_reason = 'unknown')`;

/** A report kept for operators (see unmatchedReports). */
export interface UnmatchedReportRow {
  id: string;
  mailboxId: string;
  kind: 'bounce' | 'complaint';
  fromAddress: string | null;
  subject: string;
  bounceStatus: string | null;
  bounceRawStatus: string | null;
  bounceDiagnostic: string | null;
  bounceReason: string | null;
  feedbackType: string | null;
  receivedAt: Date | null;
  createdAt: Date;
}
