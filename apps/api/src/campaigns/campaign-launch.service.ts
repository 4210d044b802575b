import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { CampaignRepository } from '@relance/db/repositories/campaign.repository';
import { EnrollmentRepository } from '@relance/db/repositories/enrollment.repository';
import { LaunchFilterRepository } from '@relance/db/repositories/launch-filter.repository';
import { DomainError } from '@relance/errors';
import { PlanLimits } from '../billing/plan-limits.service';
import { API_LOGGER } from '../common/logger.module';
import { WorkflowStarter } from '../workflows/workflow-starter.service';
import type { LaunchChoice } from './launch-choice';

export interface LaunchAccepted {
  campaignId: string;
  workflowId: string;
  eligibleProspects: number;
}

/**
 * Hands a campaign to its launch workflow, which enrolls the prospects the rep chose in
 * batches. Launching again later enrolls those added since; nobody is enrolled twice.
 */
@Injectable()
export class CampaignLaunchService {
  constructor(
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(EnrollmentRepository) private readonly enrollments: EnrollmentRepository,
    @Inject(LaunchFilterRepository) private readonly launchFilters: LaunchFilterRepository,
    @Inject(WorkflowStarter) private readonly workflows: WorkflowStarter,
    @Inject(API_LOGGER) private readonly logger: Logger,
    @Inject(PlanLimits) private readonly limits: PlanLimits,
  ) {}

  async launch(accountId: string, campaignId: string, choice: LaunchChoice): Promise<LaunchAccepted> {
    const campaign = await this.campaigns.findForAccount(accountId, campaignId);
    if (!campaign) throw DomainError.notFound('campaign', campaignId);
    if (campaign.status === 'stopped' || campaign.status === 'completed') {
      throw new DomainError('conflict', `a ${campaign.status} campaign cannot be launched; create a new campaign to reach these prospects`);
    }
    const prospectIds = choice.kind === 'prospects' ? choice.prospectIds : undefined;
    const filter = choice.kind === 'filter' ? choice.filter : undefined;
    const eligibleProspects = await this.enrollments.countEligible(accountId, campaignId, { prospectIds, filter });
    if (eligibleProspects === 0) {
      const field = choice.kind === 'all' ? undefined : choice.kind === 'filter' ? 'filter' : 'prospectIds';
      throw new DomainError('no_prospects', 'no active prospect to enroll', { field });
    }
    await this.limits.refuseEnrolling(accountId, eligibleProspects);
    await this.campaigns.markLaunching(accountId, campaignId);
    // Replies must be watched from the first send on, whichever mailbox of the rotation it leaves from.
    const [{ mailboxIds }] = await this.campaigns.withMailboxes([campaign]);
    for (const mailboxId of mailboxIds) await this.workflows.ensureMailboxSync(mailboxId);
    // The workflow carries the stored filter's id: no criterion (a company name) enters its history.
    const filterId = filter && (await this.launchFilters.save(campaignId, filter));
    const workflowId = await this.workflows.startCampaignLaunch(campaignId, { prospectIds, filterId });
    this.logger.info({ accountId, campaignId, choice: choice.kind, eligibleProspects }, 'campaign launch started');
    return { campaignId, workflowId, eligibleProspects };
  }
}
