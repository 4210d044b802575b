import { Inject, Injectable } from '@nestjs/common';
import { CampaignRepository } from '@relance/db/repositories/campaign.repository';
import { StatsRepository } from '@relance/db/repositories/stats.repository';
import { DomainError } from '@relance/errors';
import { buildCampaignStats, CampaignStats } from './campaign-stats';

@Injectable()
export class StatsService {
  constructor(
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(StatsRepository) private readonly stats: StatsRepository,
  ) {}

  async forCampaign(accountId: string, campaignId: string): Promise<CampaignStats> {
    const campaign = await this.campaigns.findForAccountWithSteps(accountId, campaignId);
    if (!campaign) throw DomainError.notFound('campaign', campaignId);
    const [variants, prospects] = await Promise.all([
      this.stats.countByStepAndVariant(accountId, campaignId),
      this.stats.countProspects(accountId, campaignId),
    ]);
    const emailSteps = campaign.steps.filter((step) => step.kind === 'email');
    return buildCampaignStats(campaignId, emailSteps, variants, prospects);
  }
}
