import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import type { ProspectSuggestion } from '@relance/db/entities/prospect-suggestion.entity';
import { CampaignRepository } from '@relance/db/repositories/campaign.repository';
import { EnrollmentRepository, type EnrollmentSummary } from '@relance/db/repositories/enrollment.repository';
import { ProspectRepository } from '@relance/db/repositories/prospect.repository';
import { ProspectSuggestionRepository } from '@relance/db/repositories/prospect-suggestion.repository';
import type { AcceptanceRefusal } from '@relance/db/repositories/suggestion-acceptance';
import type { Prospect } from '@relance/db/entities/prospect.entity';
import { DomainError } from '@relance/errors';
import { SuppressionService } from '@relance/privacy/suppression';
import { API_LOGGER } from '../common/logger.module';
import { invalidCursor } from '../common/pagination';
import { WorkflowStarter } from '../workflows/workflow-starter.service';

const DEFAULT_PAGE = 50;

export interface AcceptedSuggestion {
  suggestion: ProspectSuggestion;
  prospect: Prospect;
  enrollment: EnrollmentSummary | null;
}

/**
 * Colleagues that referrals offered ("Jane left, talk to Paul"): the rep lists them, accepts one
 * in one call (a prospect, enrolled in the same campaign unless told not to) or dismisses it.
 */
@Injectable()
export class ProspectSuggestionsService {
  constructor(
    @Inject(ProspectSuggestionRepository) private readonly suggestions: ProspectSuggestionRepository,
    @Inject(ProspectRepository) private readonly prospects: ProspectRepository,
    @Inject(EnrollmentRepository) private readonly enrollments: EnrollmentRepository,
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(SuppressionService) private readonly suppression: SuppressionService,
    @Inject(WorkflowStarter) private readonly workflows: WorkflowStarter,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  async list(accountId: string, query: { status?: ProspectSuggestion['status']; limit?: number; after?: string }) {
    const page = await this.suggestions.listPage(accountId, { status: query.status, limit: query.limit ?? DEFAULT_PAGE, afterId: query.after });
    if (!page) throw invalidCursor('a prospect suggestion of this account');
    return page;
  }

  /**
   * The prospect, its enrollment and the decision are written in one transaction; the enrollment's
   * workflow starts after it commits. Should that start fail (Temporal unreachable: a 503), the
   * enrollment waits, and asking again (a 409, already accepted) or launching the campaign again
   * starts it: both start what was enrolled and never started, and nothing twice.
   */
  async accept(accountId: string, ownerId: string | null, id: string, enroll: boolean): Promise<AcceptedSuggestion> {
    const result = await this.suggestions.accept(accountId, id, { enroll, ownerId }, (email) => this.suppression.hashEmail(email));
    if (result.kind === 'not_found') throw DomainError.notFound('prospect suggestion', id);
    if (result.kind === 'refused') {
      if (result.reason === 'already_decided' && result.suggestion.enrollmentId) {
        await this.startEnrollment(accountId, result.suggestion.campaignId, result.suggestion.enrollmentId);
      }
      throw refusal(result.reason, result.suggestion);
    }
    if (result.enrollment) await this.startEnrollment(accountId, result.suggestion.campaignId, result.enrollment.id);
    this.logger.info(
      { accountId, suggestionId: id, prospectId: result.prospectId, enrollmentId: result.enrollment?.id ?? null },
      'prospect suggestion accepted',
    );
    const prospect = await this.prospects.findForAccount(accountId, result.prospectId);
    if (!prospect) throw DomainError.notFound('prospect', result.prospectId);
    const enrollment = result.enrollment ? await this.enrollments.findSummary(accountId, result.enrollment.id) : null;
    return { suggestion: result.suggestion, prospect, enrollment };
  }

  /** Dismissing again answers the same; an accepted suggestion cannot be dismissed (409). */
  async dismiss(accountId: string, id: string): Promise<ProspectSuggestion> {
    const dismissed = await this.suggestions.dismiss(accountId, id);
    if (!dismissed) throw DomainError.notFound('prospect suggestion', id);
    if (dismissed.suggestion.status === 'accepted') throw refusal('already_decided', dismissed.suggestion);
    return dismissed.suggestion;
  }

  /** Replies to the new prospect are watched from the first send, whichever of the campaign's mailboxes it leaves from. */
  private async startEnrollment(accountId: string, campaignId: string, enrollmentId: string): Promise<void> {
    const campaign = await this.campaigns.findForAccount(accountId, campaignId);
    if (campaign) {
      const [{ mailboxIds }] = await this.campaigns.withMailboxes([campaign]);
      for (const mailboxId of mailboxIds) await this.workflows.ensureMailboxSync(mailboxId);
    }
    await this.workflows.startEnrollment(enrollmentId);
  }
}

function refusal(reason: AcceptanceRefusal, suggestion: ProspectSuggestion): DomainError {
  switch (reason) {
    case 'already_decided':
      return new DomainError('conflict', `this suggestion was already ${suggestion.status}`);
    case 'suppressed':
      return new DomainError('suppressed', 'the suggested address is on the suppression list: it cannot become a prospect', {
        field: 'email',
      });
    case 'already_prospect':
      return new DomainError('conflict', 'a prospect with this email already exists', { field: 'email' });
    case 'campaign_closed':
      return new DomainError('conflict', 'the campaign no longer sends: accept with { "enroll": false } to only create the prospect', {
        field: 'enroll',
      });
  }
}
