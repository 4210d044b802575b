import type { Message } from '@relance/db/entities/message.entity';
import type {
  ClaimAnswer, ClaimState, ResendDecision, SendDecision, SequenceState, StopReason,
} from '@relance/db/repositories/send-claim';

/**
 * A follow-up waits for an earlier email's pending resend, so the thread reaches the prospect in
 * order; while the resend itself is held (pacing, a full day), the follow-up looks again this
 * often. A resend due longer ago than the limit is not waited for: whatever keeps it, the
 * sequence must not stall on it.
 */
export const RESEND_RECHECK_MS = 15 * 60_000;
export const RESEND_HOLD_LIMIT_MS = 2 * 24 * 3_600_000;

/** Why nothing may be written to the prospect now: the sequence, its campaign or the prospect says so. */
export type SequenceRefusal = Extract<ClaimAnswer, { kind: 'stopped' | 'paused' | 'deferred' }>;

/**
 * Why the sequence may not write to its prospect at `now`, or null when it may. In this order:
 * a stopped campaign; a closing account; a pause (the rep's, then the campaign's); an out-of-office reply holding
 * the next email; an enrollment no longer running (a `resend` may follow the sequence's last
 * step: its enrollment has completed by then); a prospect who replied, bounced, unsubscribed,
 * was blacklisted or restricted, or whose address or domain is suppressed (whatever their own
 * status says: e.g. imported after the address was suppressed).
 */
export function sequenceRefusal(state: SequenceState, now: Date, resend: boolean): SequenceRefusal | null {
  const { enrollment, campaignStatus, prospect } = state;
  if (campaignStatus === 'stopped') return stopped('campaign_stopped');
  // A closing account's campaigns are paused with it; this holds whatever the campaign's own
  // status says (one launched or resumed while the closure committed), and lets a reactivation
  // carry on where it stopped.
  if (state.accountClosing) return { kind: 'paused', reason: 'campaign_paused' };
  if (enrollment.status === 'paused') return { kind: 'paused', reason: 'paused_by_user' };
  if (campaignStatus === 'paused') return { kind: 'paused', reason: 'campaign_paused' };
  // An out-of-office reply holds the next email even if the workflow has not heard of it yet.
  if (enrollment.pausedUntil && enrollment.pausedUntil.getTime() > now.getTime()) {
    return { kind: 'deferred', reason: 'out_of_office', until: enrollment.pausedUntil, queued: false };
  }
  const running = enrollment.status === 'active' || (resend && enrollment.status === 'completed');
  if (!running) return stopped(`enrollment_${enrollment.status}`);
  if (prospect.status !== 'active') return stopped(`prospect_${prospect.status}`);
  if (prospect.restricted) return stopped('prospect_restricted');
  if (prospect.suppressed) return stopped('prospect_suppressed');
  return null;
}

/**
 * What a claim does with the state it read under lock. For a step's email: refuse as
 * sequenceRefusal says; find the row an earlier claim wrote (`existing`); find the step replaced
 * by an edit (`replanned`); wait for an earlier email's pending resend; else `send`.
 * For a resend (`attempt`-th, after a soft bounce): refuse the same way; find nothing to resend;
 * find the row as it is when this resend is not the one due (an older attempt, or gone
 * already); wait until it is due; else `resend`.
 */
export function decideClaim(state: ClaimState, now: Date): SendDecision;
export function decideClaim(state: ClaimState, now: Date, resend: { attempt: number }): ResendDecision;
export function decideClaim(state: ClaimState, now: Date, resend?: { attempt: number }): SendDecision | ResendDecision {
  const refusal = sequenceRefusal(state, now, resend !== undefined);
  if (refusal) return refusal;
  const { existing } = state;
  if (resend) {
    if (!existing) return stopped('nothing_to_resend');
    const dueAt = resendDueAt(existing, resend.attempt);
    if (!dueAt) return { kind: 'existing', message: existing };
    if (dueAt.getTime() > now.getTime()) return { kind: 'deferred', reason: 'pending_resend', until: dueAt, queued: false };
    return { kind: 'resend', message: existing };
  }
  if (existing) return { kind: 'existing', message: existing };
  if (!state.stepLive) return { kind: 'replanned' };
  const pending = state.pendingResendAt;
  if (pending && pending.getTime() > now.getTime() - RESEND_HOLD_LIMIT_MS) {
    const until = new Date(Math.max(pending.getTime(), now.getTime() + RESEND_RECHECK_MS));
    return { kind: 'deferred', reason: 'pending_resend', until, queued: false };
  }
  return { kind: 'send' };
}

/** When the row's `attempt`-th resend goes: it came back soft-bounced that many times and has not gone again. */
function resendDueAt(message: Message, attempt: number): Date | null {
  return message.status === 'sent' && message.softBounces === attempt ? message.resendAt : null;
}

function stopped(reason: StopReason): SequenceRefusal {
  return { kind: 'stopped', reason };
}
