export const CAMPAIGN_LAUNCH_WORKFLOW = 'campaignLaunchWorkflow';

/**
 * Who is enrolled: the prospects listed, or those meeting the launch filter `filterId` names
 * (stored, so no criterion reaches the history), or every eligible prospect when neither is set.
 */
export interface CampaignLaunchInput {
  campaignId: string;
  prospectIds?: string[];
  filterId?: string;
  /** Where a continued-as-new run resumes: the last prospect id already handled. */
  afterProspectId?: string;
  enrolledSoFar?: number;
}

export interface CampaignLaunchResult {
  campaignId: string;
  enrolled: number;
}
