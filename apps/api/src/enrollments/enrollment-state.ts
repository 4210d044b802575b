import type { EnrollmentStatus, EnrollmentWaitReason } from '@relance/db/entities/enrollment.entity';
import type { EnrollmentSummary } from '@relance/db/repositories/enrollment.repository';

/** Why an enrollment sends nothing until something changes: the rep, its campaign, its mailbox or the prospect's absence. */
export type PauseReason = Extract<EnrollmentWaitReason, 'paused_by_user' | 'campaign_paused' | 'mailbox_disabled' | 'out_of_office' | 'billing_lapsed'>;

export interface EnrollmentWait {
  reason: EnrollmentWaitReason;
  /** Null: until something happens (a resume, the task done). */
  until: Date | null;
}

export interface EnrollmentState {
  status: EnrollmentStatus;
  pauseReason: PauseReason | null;
  waiting: EnrollmentWait | null;
}

/**
 * Where an enrollment stands as a rep reads it. The row says 'active' for a sequence held by an
 * out-of-office reply, its paused campaign or its disabled mailbox (the workflow, not the rep,
 * ends those): it reads 'paused', with the reason and, where known, the date. A wait recorded
 * earlier that has passed is no longer one: the sequence has moved on.
 */
export function enrollmentState(summary: EnrollmentSummary, now: Date): EnrollmentState {
  const running = { status: summary.status, pauseReason: null, waiting: null };
  if (summary.status === 'paused') return paused('paused_by_user', null);
  if (summary.status !== 'active') return running;
  if (summary.pausedUntil && summary.pausedUntil > now) return paused('out_of_office', summary.pausedUntil);
  if (summary.campaignStatus === 'paused') return paused('campaign_paused', null);
  if (summary.waitingReason === 'mailbox_disabled') return paused('mailbox_disabled', null);
  if (summary.waitingReason === 'billing_lapsed') return paused('billing_lapsed', null);
  const reason = summary.waitingReason;
  if (!reason || PAUSES.has(reason)) return running;
  if (summary.waitingUntil === null) return reason === 'task' ? { ...running, waiting: { reason, until: null } } : running;
  return summary.waitingUntil > now ? { ...running, waiting: { reason, until: summary.waitingUntil } } : running;
}

const PAUSES: ReadonlySet<EnrollmentWaitReason> = new Set(['paused_by_user', 'campaign_paused', 'mailbox_disabled', 'out_of_office', 'billing_lapsed']);

function paused(reason: PauseReason, until: Date | null): EnrollmentState {
  return { status: 'paused', pauseReason: reason, waiting: { reason, until } };
}
