import { continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { CampaignLaunchInput, CampaignLaunchResult, LaunchActivities } from '@relance/temporal/contracts';

const { enrollBatch, markCampaignLaunched } = proxyActivities<LaunchActivities>({
  startToCloseTimeout: '5m',
  heartbeatTimeout: '10s', // see enrollment.workflow.ts
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/**
 * Enrolls a campaign's prospects batch by batch, in prospect-id order, starting one
 * enrollment workflow each. Batches are idempotent, so a retry or a second launch enrolls
 * nobody twice; a long launch continues as new to keep its history small.
 */
export async function campaignLaunchWorkflow(input: CampaignLaunchInput): Promise<CampaignLaunchResult> {
  let afterProspectId = input.afterProspectId;
  let enrolled = input.enrolledSoFar ?? 0;
  for (;;) {
    const batch = await enrollBatch({
      campaignId: input.campaignId, prospectIds: input.prospectIds, filterId: input.filterId, afterProspectId,
    });
    enrolled += batch.enrolled;
    if (!batch.lastProspectId) break;
    afterProspectId = batch.lastProspectId;
    if (workflowInfo().continueAsNewSuggested) {
      return continueAsNew<typeof campaignLaunchWorkflow>({ ...input, afterProspectId, enrolledSoFar: enrolled });
    }
  }
  await markCampaignLaunched({ campaignId: input.campaignId });
  return { campaignId: input.campaignId, enrolled };
}
