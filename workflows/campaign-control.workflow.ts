import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CampaignControlInput, ControlActivities } from '@relance/temporal/contracts';

const { signalCampaignEnrollments } = proxyActivities<ControlActivities>({
  startToCloseTimeout: '5m',
  heartbeatTimeout: '1m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/**
 * Tells every running enrollment of a campaign to resume or stop, a page at a time. The
 * database already holds the new state; the signals wake the workflows now, not later.
 */
export async function campaignControlWorkflow(input: CampaignControlInput): Promise<number> {
  let after = input.afterEnrollmentId;
  let signalled = 0;
  for (;;) {
    const page = await signalCampaignEnrollments({ campaignId: input.campaignId, signal: input.signal, afterEnrollmentId: after });
    signalled += page.signalled;
    if (!page.lastEnrollmentId) return signalled;
    after = page.lastEnrollmentId;
    if (workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof campaignControlWorkflow>({ ...input, afterEnrollmentId: after });
    }
  }
}
