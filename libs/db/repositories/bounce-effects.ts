import type { EntityManager } from 'typeorm';
import type { BounceReason } from '@relance/mail/classification/bounce-reasons';
import { endEnrollments, type EnrollmentSelection } from './enrollment-ends';
import type { MatchedMessage } from './inbound-matching';
import type { SuppressionRepository } from './suppression.repository';

/** When a mailbox pauses itself: this many bounces blaming the sender within the window. */
export interface MailboxPausePolicy {
  pauseAfter: number;
  windowMs: number;
}

/** Every enrollment of the prospect, whatever the campaign. */
export function ofProspect(prospectId: string): EnrollmentSelection {
  return { where: `e.prospect_id = $1`, params: [prospectId] };
}

/**
 * The recipient is gone (user unknown, host unknown, disabled, moved, null MX): every sequence
 * to the address ends ('bounced', hard_bounce), not only the one that bounced, the prospect is
 * marked bounced and the address joins the account's suppression list. Enrollments are locked
 * before the prospect, the order the send claim takes them in.
 */
export async function recordRecipientGone(
  manager: EntityManager,
  suppressions: SuppressionRepository,
  matched: MatchedMessage,
  emailHash: string,
): Promise<string[]> {
  const ended = await endEnrollments(manager, ofProspect(matched.prospect_id), { status: 'bounced', reason: 'hard_bounce' });
  // A reply earlier does not make the address deliverable; an unsubscribe or a block says more.
  await manager.query(
    `UPDATE prospects SET status = 'bounced', updated_at = now() WHERE id = $1 AND status IN ('active', 'replied')`,
    [matched.prospect_id],
  );
  await suppressions.addIn(manager, matched.account_id, { kind: 'email', emailHash, reason: 'hard_bounce', sourceMessageId: matched.id });
  return ended.map((row) => row.id);
}

/**
 * The recipient asked not to be mailed (an abuse or opt-out report through a provider's
 * feedback loop): every sequence to the address ends in every campaign of the account
 * ('stopped', complained), the prospect is marked unsubscribed, and the address is suppressed
 * with reason complaint.
 */
export async function recordComplaint(
  manager: EntityManager,
  suppressions: SuppressionRepository,
  matched: MatchedMessage,
  emailHash: string,
): Promise<string[]> {
  const ended = await endEnrollments(manager, ofProspect(matched.prospect_id), { status: 'stopped', reason: 'complained' });
  await manager.query(
    `UPDATE prospects SET status = 'unsubscribed', updated_at = now() WHERE id = $1 AND status IN ('active', 'replied', 'bounced')`,
    [matched.prospect_id],
  );
  await suppressions.addIn(manager, matched.account_id, { kind: 'email', emailHash, reason: 'complaint', sourceMessageId: matched.id });
  return ended.map((row) => row.id);
}

/**
 * A bounce blaming the sender is the mailbox's problem: it is recorded against the mailbox and,
 * once `policy.pauseAfter` of them came within the window (counted since its last self-pause, so
 * a rep's resume starts afresh), the mailbox disables itself with the reason in words. Returns
 * that reason when it paused it now, null otherwise.
 */
export async function recordSenderProblem(
  manager: EntityManager,
  input: { accountId: string; mailboxId: string; inboundMessageId: string; reason: BounceReason },
  policy: MailboxPausePolicy,
): Promise<string | null> {
  await manager.query(
    `INSERT INTO mailbox_deliverability_events (account_id, mailbox_id, inbound_message_id, reason) VALUES ($1, $2, $3, $4)`,
    [input.accountId, input.mailboxId, input.inboundMessageId, input.reason],
  );
  const [paused]: [{ pause_reason: string }[], number] = await manager.query(
    `WITH recent AS (
       SELECT count(*)::int AS n FROM mailbox_deliverability_events d, mailboxes mb
       WHERE mb.id = $1 AND d.mailbox_id = mb.id
         AND d.occurred_at > greatest(now() - $2 * interval '1 millisecond', coalesce(mb.paused_at, '-infinity'::timestamptz)))
     UPDATE mailboxes mb SET disabled = true, paused_at = now(), updated_at = now(),
       pause_reason = format('%s bounces blaming the sender within %s (latest: %s): check the mailbox''s reputation, SPF/DKIM/DMARC and content, then enable it again',
         recent.n, $4::text, $5::text)
     FROM recent
     WHERE mb.id = $1 AND NOT mb.disabled AND recent.n >= $3
     RETURNING mb.pause_reason`,
    [input.mailboxId, policy.windowMs, policy.pauseAfter, windowInWords(policy.windowMs), input.reason],
  );
  return paused[0]?.pause_reason ?? null;
}

function windowInWords(ms: number): string {
  if (ms % 3_600_000 === 0) return `${ms / 3_600_000} h`;
  if (ms % 60_000 === 0) return `${ms / 60_000} min`;
  return `${Math.round(ms / 1000)} s`;
}
