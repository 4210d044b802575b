import { Inject, Injectable } from '@nestjs/common';
import { CampaignRepository } from '@relance/db/repositories/campaign.repository';
import { EnrollmentRepository, EnrollmentSummary } from '@relance/db/repositories/enrollment.repository';
import { DomainError } from '@relance/errors';
import { invalidCursor } from '../common/pagination';
import { DEFAULT_ENROLLMENT_PAGE } from './dto/list-enrollments.query';

@Injectable()
export class EnrollmentsService {
  constructor(
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(EnrollmentRepository) private readonly enrollments: EnrollmentRepository,
  ) {}

  async listForCampaign(
    accountId: string,
    campaignId: string,
    query: { limit?: number; after?: string },
  ): Promise<{ items: EnrollmentSummary[]; nextCursor: string | null }> {
    if (!(await this.campaigns.findForAccount(accountId, campaignId))) throw DomainError.notFound('campaign', campaignId);
    const page = await this.enrollments.listPageForCampaign(accountId, campaignId, {
      limit: query.limit ?? DEFAULT_ENROLLMENT_PAGE,
      afterId: query.after,
    });
    if (!page) throw invalidCursor('an enrollment of this campaign');
    return page;
  }

  async get(accountId: string, id: string): Promise<EnrollmentSummary> {
    const enrollment = await this.enrollments.findSummary(accountId, id);
    if (!enrollment) throw DomainError.notFound('enrollment', id);
    return enrollment;
  }
}
