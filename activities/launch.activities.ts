import type { CampaignLauncher } from '@relance/sequencing';
import type { LaunchActivities } from '@relance/temporal/contracts';

export function createLaunchActivities(deps: { launcher: CampaignLauncher }): LaunchActivities {
  return {
    enrollBatch: (input) => deps.launcher.enrollBatch(input),
    markCampaignLaunched: ({ campaignId }) => deps.launcher.markLaunched(campaignId),
  };
}
