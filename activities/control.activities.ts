import { Context } from '@temporalio/activity';
import type { CampaignControl } from '@relance/sequencing';
import type { ControlActivities } from '@relance/temporal/contracts';

export function createControlActivities(deps: { campaignControl: CampaignControl }): ControlActivities {
  return {
    signalCampaignEnrollments: ({ campaignId, signal, afterEnrollmentId }) =>
      deps.campaignControl.signalPage(campaignId, signal, afterEnrollmentId, () => Context.current().heartbeat()),
    signalEnrollment: async ({ enrollmentId, signal }) => ({
      signalled: await deps.campaignControl.signalEnrollment(enrollmentId, signal),
    }),
  };
}
