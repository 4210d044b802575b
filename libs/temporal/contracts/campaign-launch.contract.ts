export const CAMPAIGN_LAUNCH_WORKFLOW = 'campaignLaunchWorkflow';

export interface CampaignLaunchInput {
  campaignId: string;
  /** Restricts the launch to these prospects; every eligible prospect when absent. */
  prospectIds?: string[];
  /** Where a continued-as-new run resumes: the last prospect id already handled. */
  afterProspectId?: string;
  enrolledSoFar?: number;
}

export interface CampaignLaunchResult {
  campaignId: string;
  enrolled: number;
}
