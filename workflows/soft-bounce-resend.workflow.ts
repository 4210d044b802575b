import { proxyActivities, sleep } from '@temporalio/workflow';
import type { SendStepResult, SequenceActivities, SoftBounceResendInput } from '@relance/temporal/contracts';
import { SEND_ACTIVITY_OPTIONS } from './send-activity-options';

const { resendStep } = proxyActivities<SequenceActivities>(SEND_ACTIVITY_OPTIONS);

/** While the campaign or the enrollment is paused, the resend asks again this often... */
const PAUSED_RECHECK_MS = 60 * 60_000;
/** ...and is given up once it has waited this long past its due time. */
const GIVE_UP_AFTER_MS = 30 * 86_400_000;

export type SoftBounceResendResult = SendStepResult | { outcome: 'expired' };

/**
 * Sends a soft-bounced email again once it is due, under the rules of any send: the claim
 * re-checks that the prospect may still be written to (a reply, an unsubscribe or a stop in
 * the meantime ends it there), the sending window and the mailbox's pace may defer it.
 */
export async function softBounceResendWorkflow(input: SoftBounceResendInput): Promise<SoftBounceResendResult> {
  const giveUpAt = Date.parse(input.at) + GIVE_UP_AFTER_MS;
  await sleepUntil(input.at);
  let heldSlot: string | undefined;
  for (;;) {
    const result = await resendStep({ enrollmentId: input.enrollmentId, stepId: input.stepId, attempt: input.attempt, heldSlot });
    if (result.outcome === 'deferred') {
      heldSlot = result.queued ? result.until : undefined;
      await sleepUntil(result.until!);
      continue;
    }
    if (result.outcome !== 'paused') return result;
    if (Date.now() >= giveUpAt) return { outcome: 'expired' };
    await sleep(PAUSED_RECHECK_MS);
  }
}

async function sleepUntil(iso: string): Promise<void> {
  const ms = Date.parse(iso) - Date.now();
  if (ms > 0) await sleep(ms);
}
