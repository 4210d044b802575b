import type { EntityManager } from 'typeorm';
import { BOUNCE_EFFECT, type BounceReason } from '@relance/mail/classification/bounce-reasons';
import { RUNNING } from './enrollment-ends';
import type { MatchedMessage } from './inbound-matching';
import type { InboundEffect } from './inbound.repository';
import { currentReferralEffect } from './referrals';
import { currentSoftBounceEffect } from './soft-bounces';

/** The effect an already recorded message had, read back from the state it left. */
export async function currentInboundEffect(
  manager: EntityManager,
  matched: MatchedMessage,
  { kind, bounce_reason: bounceReason, referral }: { kind: string; bounce_reason: string | null; referral: boolean },
): Promise<InboundEffect> {
  if (referral) return currentReferralEffect(manager, matched);
  if (kind === 'reply') {
    const stopped: { id: string }[] = await manager.query(
      `SELECT id FROM enrollments WHERE prospect_id = $1 AND status = 'stopped' AND stop_reason = 'prospect_replied'`,
      [matched.prospect_id],
    );
    const prospectStopped = stopped.map((row) => row.id);
    return { kind: 'replied', enrollmentId: matched.enrollment_id, ...(prospectStopped.length > 0 ? { prospectStopped } : {}) };
  }
  if (kind === 'auto_reply') {
    const [row] = await manager.query(
      `SELECT paused_until FROM enrollments WHERE id = $1 AND status = ANY($2::text[]) AND paused_until > now()`,
      [matched.enrollment_id, RUNNING],
    );
    if (row) return { kind: 'paused', enrollmentId: matched.enrollment_id, until: row.paused_until };
    // A left-company notice stopped this enrollment and every other one to the address.
    const left: { id: string }[] = await manager.query(
      `SELECT id FROM enrollments WHERE prospect_id = $1 AND status = 'stopped' AND stop_reason = 'left_company'`,
      [matched.prospect_id],
    );
    const ids = left.map((enrollment) => enrollment.id);
    return ids.includes(matched.enrollment_id) ? { kind: 'stopped', enrollmentIds: ids, reason: 'left_company' } : { kind: 'none' };
  }
  if (kind === 'complaint') {
    const stopped: { id: string }[] = await manager.query(
      `SELECT id FROM enrollments WHERE prospect_id = $1 AND status = 'stopped' AND stop_reason = 'complained'`,
      [matched.prospect_id],
    );
    return stopped.length > 0 ? { kind: 'stopped', enrollmentIds: stopped.map((row) => row.id), reason: 'complained' } : { kind: 'none' };
  }
  const effect = bounceReason !== null ? BOUNCE_EFFECT[bounceReason as BounceReason] : undefined;
  if (kind === 'bounce' && (effect === 'retry' || effect === 'sender_problem')) return currentSoftBounceEffect(manager, matched);
  if (kind !== 'bounce' || effect !== 'suppress') return { kind: 'none' };
  const bounced: { id: string }[] = await manager.query(
    `SELECT id FROM enrollments WHERE prospect_id = $1 AND status = 'bounced' AND stop_reason = 'hard_bounce'`,
    [matched.prospect_id],
  );
  return bounced.length > 0 ? { kind: 'bounced', enrollmentIds: bounced.map((row) => row.id), reason: 'hard_bounce' } : { kind: 'none' };
}
