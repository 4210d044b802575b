import type { EntityManager } from 'typeorm';
import type { EnrollmentStatus } from '../entities/enrollment.entity';
import { endEnrollments, RUNNING } from './enrollment-ends';
import type { MatchedMessage } from './inbound-matching';

/** When a soft-bounced email goes again, decided with the outcome (see inboundOutcome). */
export interface ResendPlan {
  at: Date;
  /** Resends allowed per email; the bounce after the last one ends the enrollment. */
  maxResends: number;
}

export type SoftBounceEffect =
  | { kind: 'resend'; enrollmentId: string; stepId: string; messageId: string; attempt: number; at: Date }
  | { kind: 'bounced'; enrollmentIds: string[]; reason: ResendEndReason }
  | { kind: 'none' };

/**
 * Why an enrollment ends once its resends are used up: the recipient's side kept failing
 * (soft_bounce: full, expired, busy) or the receiving server kept refusing the sender
 * (sender_problem: reputation, authentication, content).
 */
export type ResendEndReason = 'soft_bounce' | 'sender_problem';

/** An enrollment whose step may still be resent: running, or past its last step. */
const RESENDABLE: readonly EnrollmentStatus[] = [...RUNNING, 'completed'];

/**
 * A soft bounce the remote server gave up on (`plan` non-null; a mere delay has none): the
 * email is counted as soft-bounced once more and, while resends remain, planned to go again;
 * otherwise the enrollment ends ('bounced', stop reason `endReason`). The address exists, so
 * nothing is suppressed. Only a sent email with no resend pending counts, so two reports of
 * the same attempt count once.
 */
export async function recordSoftBounce(
  manager: EntityManager,
  matched: MatchedMessage,
  plan: ResendPlan | null,
  endReason: ResendEndReason = 'soft_bounce',
): Promise<SoftBounceEffect> {
  if (!plan) return { kind: 'none' };
  const [counted]: [{ soft_bounces: number; resend_at: Date | null; step_id: string }[], number] = await manager.query(
    `UPDATE messages m SET soft_bounces = soft_bounces + 1,
       resend_at = CASE WHEN soft_bounces < $2 THEN $3::timestamptz ELSE NULL END
     WHERE m.id = $1 AND m.status = 'sent' AND m.resend_at IS NULL
       AND EXISTS (SELECT 1 FROM enrollments e WHERE e.id = m.enrollment_id AND e.status = ANY($4::text[]))
     RETURNING soft_bounces, resend_at, step_id`,
    [matched.id, plan.maxResends, plan.at, RESENDABLE],
  );
  if (counted.length === 0) return { kind: 'none' };
  const [{ soft_bounces: attempt, resend_at: at, step_id: stepId }] = counted;
  if (at) return { kind: 'resend', enrollmentId: matched.enrollment_id, stepId, messageId: matched.id, attempt, at };
  const ended = await endEnrollments(manager, { ids: [matched.enrollment_id] }, {
    status: 'bounced', reason: endReason, from: RESENDABLE,
  });
  return ended.length > 0 ? { kind: 'bounced', enrollmentIds: [matched.enrollment_id], reason: endReason } : { kind: 'none' };
}

/** What a soft bounce already recorded left to do, read back from its email and enrollment (a re-read). */
export async function currentSoftBounceEffect(manager: EntityManager, matched: MatchedMessage): Promise<SoftBounceEffect> {
  const [row] = await manager.query(
    `SELECT m.soft_bounces, m.resend_at, m.step_id, e.status, e.stop_reason
     FROM messages m JOIN enrollments e ON e.id = m.enrollment_id WHERE m.id = $1`,
    [matched.id],
  );
  if (!row) return { kind: 'none' };
  if (row.resend_at) {
    return {
      kind: 'resend', enrollmentId: matched.enrollment_id, stepId: row.step_id, messageId: matched.id,
      attempt: row.soft_bounces, at: row.resend_at,
    };
  }
  if (row.status === 'bounced' && (row.stop_reason === 'soft_bounce' || row.stop_reason === 'sender_problem')) {
    return { kind: 'bounced', enrollmentIds: [matched.enrollment_id], reason: row.stop_reason };
  }
  return { kind: 'none' };
}
