import type { CampaignLauncher } from '../libs/sequencing/campaign-launcher.service';
import type { LaunchActivities } from '../libs/temporal/contracts';

export function createLaunchActivities(deps: { launcher: CampaignLauncher }): LaunchActivities {
  return {
    enrollBatch: (input) => deps.launcher.enrollBatch(input),
    markCampaignLaunched: ({ campaignId }) => deps.launcher.markLaunched(campaignId),
  };
}
