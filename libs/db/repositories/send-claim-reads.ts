/** The claim's reads: what it decides on, paces on and writes from, in its transaction. */

import type { EntityManager } from 'typeorm';
import { Message } from '../entities/message.entity';
import { entityFromRow } from './entity-rows';
import type { ClaimState, PaceContext, SendContext } from './send-claim';
import type { SuppressionKeys } from './suppression.repository';
import { TEMPLATE_PROSPECT_COLUMNS, templateProspectOf } from './template-prospect';

export interface ReadClaimState {
  state: ClaimState;
  accountId: string;
  /** The mailbox the email will most likely leave from: the enrollment's, else the campaign's. */
  likelyMailboxId: string;
}

/**
 * Everything the claim decides on; null when the enrollment is gone. With `lock`, the
 * enrollment and then its prospect are locked first (the order every end of an enrollment
 * takes them in), and the account shared (an account's closure waits for claims under way, and
 * claims after it see the account closing), and the rest is read by a later statement, so it sees whatever the
 * transactions it waited for committed.
 */
export async function readClaimState(
  manager: EntityManager,
  enrollmentId: string,
  stepId: string,
  suppressionKeys: (email: string) => SuppressionKeys,
  lock: boolean,
): Promise<ReadClaimState | null> {
  const [sequence] = await manager.query(
    `SELECT e.account_id, e.status AS enrollment_status, e.paused_until, p.email, p.status AS prospect_status, p.restricted,
            c.status AS campaign_status, COALESCE(e.mailbox_id, c.mailbox_id) AS likely_mailbox_id,
            a.closing_since IS NOT NULL AS account_closing
     FROM enrollments e JOIN prospects p ON p.id = e.prospect_id JOIN campaigns c ON c.id = e.campaign_id
       JOIN accounts a ON a.id = e.account_id
     WHERE e.id = $1 ${lock ? 'FOR UPDATE OF e, p FOR SHARE OF a' : ''}`,
    [enrollmentId],
  );
  if (!sequence) return null;
  const keys = suppressionKeys(sequence.email);
  // The step's outbox row (its columns, all null when it has none) and what else the claim needs.
  const [rest] = await manager.query(
    `SELECT m.*,
            EXISTS (SELECT 1 FROM suppressions WHERE account_id = $3 AND (email_hash = $4 OR domain = ANY($5::text[])))
              AS claim_suppressed,
            (SELECT s.retired_at IS NULL FROM steps s WHERE s.id = $2) AS claim_step_live,
            (SELECT max(o.resend_at) FROM messages o WHERE o.enrollment_id = $1 AND o.status = 'sent') AS claim_pending_resend_at
     FROM (SELECT 1) one LEFT JOIN messages m ON m.enrollment_id = $1 AND m.step_id = $2`,
    [enrollmentId, stepId, sequence.account_id, keys.emailHash, keys.domains],
  );
  return {
    accountId: sequence.account_id,
    likelyMailboxId: sequence.likely_mailbox_id,
    state: {
      enrollment: { status: sequence.enrollment_status, pausedUntil: sequence.paused_until },
      campaignStatus: sequence.campaign_status,
      accountClosing: sequence.account_closing,
      prospect: { status: sequence.prospect_status, restricted: sequence.restricted, suppressed: rest.claim_suppressed },
      existing: rest.id ? entityFromRow(manager, Message)(rest) : null,
      stepLive: rest.claim_step_live === true,
      pendingResendAt: rest.claim_pending_resend_at,
    },
  };
}

/** Locks the campaign's mailboxes' pacing rows (in id order, so claims never deadlock). */
export async function loadPaceContext(manager: EntityManager, enrollmentId: string): Promise<PaceContext> {
  const [row] = await manager.query(
    `SELECT e.mailbox_id, e.campaign_id, c.time_zone AS campaign_tz, c.sending_window, p.time_zone AS prospect_tz
     FROM enrollments e JOIN campaigns c ON c.id = e.campaign_id JOIN prospects p ON p.id = e.prospect_id
     WHERE e.id = $1`,
    [enrollmentId],
  );
  await manager.query(
    `INSERT INTO mailbox_send_state (mailbox_id, day, day_count, next_send_at, queue_tail_at)
     SELECT mailbox_id, '', 0, 'epoch', 'epoch' FROM campaign_mailboxes WHERE campaign_id = $1
     ON CONFLICT (mailbox_id) DO NOTHING`,
    [row.campaign_id],
  );
  const mailboxes = await manager.query(
    `SELECT m.id, m.daily_limit, m.min_spacing_seconds, m.spacing_jitter_seconds, m.time_zone, m.disabled, m.sending_window,
            st.day, st.day_count, st.next_send_at, st.queue_tail_at
     FROM campaign_mailboxes cm
     JOIN mailboxes m ON m.id = cm.mailbox_id
     JOIN mailbox_send_state st ON st.mailbox_id = m.id
     WHERE cm.campaign_id = $1 ORDER BY m.id FOR UPDATE OF st`,
    [row.campaign_id],
  );
  return {
    campaignTimeZone: row.campaign_tz,
    sendingWindow: row.sending_window,
    prospectTimeZone: row.prospect_tz,
    assignedMailboxId: row.mailbox_id,
    mailboxes: mailboxes.map((m: Record<string, any>) => ({
      mailboxId: m.id,
      dailyLimit: m.daily_limit,
      minSpacingMs: m.min_spacing_seconds * 1000,
      jitterMs: m.spacing_jitter_seconds * 1000,
      timeZone: m.time_zone,
      disabled: m.disabled,
      window: m.sending_window && { timeZone: m.time_zone, ...m.sending_window },
      state: m.day ? { day: m.day, dayCount: m.day_count, nextSendAt: m.next_send_at, queueTailAt: m.queue_tail_at } : null,
    })),
  };
}

/** What the step's email is written from, as it would leave from `mailboxId`. */
export async function loadSendContext(
  manager: EntityManager,
  enrollmentId: string,
  stepId: string,
  mailboxId: string,
): Promise<SendContext> {
  const [row] = await manager.query(
    `SELECT e.account_id, e.campaign_id,
            m.id AS mailbox_id, m.email AS mailbox_email, m.display_name,
            ${TEMPLATE_PROSPECT_COLUMNS},
            s.position AS step_position, s.subject, s.body, s.new_thread, s.variants
     FROM enrollments e
     JOIN campaigns c ON c.id = e.campaign_id
     JOIN mailboxes m ON m.id = $3
     JOIN prospects p ON p.id = e.prospect_id
     JOIN steps s ON s.id = $2 AND s.campaign_id = c.id
     WHERE e.id = $1`,
    [enrollmentId, stepId, mailboxId],
  );
  if (!row) throw new Error(`step ${stepId} is not part of enrollment ${enrollmentId}'s campaign`);
  const [tracking] = await manager.query(
    `SELECT c.tracking_enabled, COALESCE(c.tracking_domain, a.tracking_domain) AS tracking_domain
     FROM campaigns c JOIN accounts a ON a.id = c.account_id WHERE c.id = $1`,
    [row.campaign_id],
  );
  // The thread root is the latest message sent that opened a thread (no In-Reply-To).
  const [root] = await manager.query(
    `SELECT m.message_id_header, m.subject, m."references" FROM messages m JOIN steps s ON s.id = m.step_id
     WHERE m.enrollment_id = $1 AND m.in_reply_to IS NULL AND m.status IN ('sent', 'unknown')
     ORDER BY s.position DESC LIMIT 1`,
    [enrollmentId],
  );
  return {
    enrollmentId,
    accountId: row.account_id,
    campaignId: row.campaign_id,
    mailbox: { id: row.mailbox_id, email: row.mailbox_email, displayName: row.display_name },
    prospect: templateProspectOf(row),
    step: {
      id: stepId,
      position: row.step_position,
      subject: row.subject,
      body: row.body ?? '',
      newThread: row.new_thread,
      variants: row.variants,
    },
    threadRoot: root
      ? { messageIdHeader: root.message_id_header, subject: root.subject, references: root.references ?? [] }
      : null,
    tracking: { enabled: tracking.tracking_enabled, domain: tracking.tracking_domain },
  };
}
