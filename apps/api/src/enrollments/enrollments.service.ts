import { Inject, Injectable } from '@nestjs/common';
import { CampaignRepository } from '../../../../libs/db/repositories/campaign.repository';
import { EnrollmentRepository, EnrollmentSummary } from '../../../../libs/db/repositories/enrollment.repository';
import { DomainError } from '../../../../libs/errors';

@Injectable()
export class EnrollmentsService {
  constructor(
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(EnrollmentRepository) private readonly enrollments: EnrollmentRepository,
  ) {}

  async listForCampaign(accountId: string, campaignId: string): Promise<EnrollmentSummary[]> {
    if (!(await this.campaigns.findForAccount(accountId, campaignId))) throw DomainError.notFound('campaign', campaignId);
    return this.enrollments.listForCampaign(accountId, campaignId);
  }

  async get(accountId: string, id: string): Promise<EnrollmentSummary> {
    const enrollment = await this.enrollments.findSummary(accountId, id);
    if (!enrollment) throw DomainError.notFound('enrollment', id);
    return enrollment;
  }
}
