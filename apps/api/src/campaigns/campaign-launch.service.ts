import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { CampaignRepository } from '../../../../libs/db/repositories/campaign.repository';
import { EnrollmentRepository } from '../../../../libs/db/repositories/enrollment.repository';
import { DomainError } from '../../../../libs/errors';
import { API_LOGGER } from '../common/logger.module';
import { WorkflowStarter } from '../workflows/workflow-starter.service';

export interface LaunchAccepted {
  campaignId: string;
  workflowId: string;
  eligibleProspects: number;
}

/**
 * Hands a campaign to its launch workflow, which enrolls prospects in batches. Launching
 * again later enrolls the prospects added since; nobody is enrolled twice.
 */
@Injectable()
export class CampaignLaunchService {
  constructor(
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(EnrollmentRepository) private readonly enrollments: EnrollmentRepository,
    @Inject(WorkflowStarter) private readonly workflows: WorkflowStarter,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  async launch(accountId: string, campaignId: string, prospectIds?: string[]): Promise<LaunchAccepted> {
    const campaign = await this.campaigns.findForAccount(accountId, campaignId);
    if (!campaign) throw DomainError.notFound('campaign', campaignId);
    if (campaign.status === 'stopped' || campaign.status === 'completed') {
      throw new DomainError('conflict', `a ${campaign.status} campaign cannot be launched; create a new campaign to reach these prospects`);
    }
    const ids = prospectIds && [...new Set(prospectIds.map((id) => id.toLowerCase()))];
    const eligibleProspects = await this.enrollments.countEligible(accountId, campaignId, ids);
    if (eligibleProspects === 0) {
      throw new DomainError('no_prospects', 'no active prospect to enroll', ids ? { field: 'prospectIds' } : {});
    }
    await this.campaigns.markLaunching(accountId, campaignId);
    // Replies must be watched from the first send on.
    await this.workflows.ensureMailboxSync(campaign.mailboxId);
    const workflowId = await this.workflows.startCampaignLaunch(campaignId, ids);
    this.logger.info({ accountId, campaignId, eligibleProspects }, 'campaign launch started');
    return { campaignId, workflowId, eligibleProspects };
  }
}
