import { proxyActivities } from '@temporalio/workflow';
import type { SubprocessorActivities, SubprocessorNoticeInput, SubprocessorNoticeResult } from '@relance/temporal/contracts';

// Sends already made are recorded, so each retry mails only the owners not reached yet. The
// first attempt may run before the API's transaction that made the change commits: the
// activity then fails and the next attempt finds it. About a day of attempts in all.
const { sendSubprocessorNotices } = proxyActivities<SubprocessorActivities>({
  startToCloseTimeout: '10m',
  heartbeatTimeout: '1m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1h', maximumAttempts: 30 },
});

/** Tells every subscribed owner of one registry change before it takes effect (GDPR Art. 28(2)). */
export async function subprocessorNoticeWorkflow(input: SubprocessorNoticeInput): Promise<SubprocessorNoticeResult> {
  return sendSubprocessorNotices({ changeId: input.changeId });
}
