export const CAMPAIGN_CONTROL_WORKFLOW = 'campaignControlWorkflow';

/** What every running enrollment of a campaign is told: wake and carry on, end, or re-read its steps. */
export type CampaignSignal = 'resume' | 'stop' | 'plan_changed';

export interface CampaignControlInput {
  campaignId: string;
  signal: CampaignSignal;
  /** Where a continued-as-new run resumes: the last enrollment id already signalled. */
  afterEnrollmentId?: string;
}
