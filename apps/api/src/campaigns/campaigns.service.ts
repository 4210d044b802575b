import { Inject, Injectable } from '@nestjs/common';
import {
  CampaignRepository, CampaignWithMailboxes, CampaignWithSteps, NewStep,
} from '@relance/db/repositories/campaign.repository';
import { MailboxRepository } from '@relance/db/repositories/mailbox.repository';
import { DomainError, FieldProblem } from '@relance/errors';
import { variantKey } from '@relance/templates';
import { invalidCursor } from '../common/pagination';
import { sendingWindowProblems } from '../common/sending-window-problems';
import { CreateCampaignDto } from './dto/create-campaign.dto';
import { DEFAULT_CAMPAIGN_PAGE } from './dto/list-campaigns.query';
import type { AnyStepInput } from './dto/step-input.dto';
import { sequenceProblems } from './sequence-rules';

@Injectable()
export class CampaignsService {
  constructor(
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
  ) {}

  async create(accountId: string, input: CreateCampaignDto): Promise<CampaignWithSteps> {
    const problems = [...sequenceProblems(input.steps, {
      hasSendingWindow: Boolean(input.sendingWindow),
      trackingEnabled: input.trackingEnabled ?? true,
    }), ...windowProblems(input)];
    if (problems.length > 0) throw DomainError.validation(problems);
    await this.usableMailbox(accountId, input.mailboxId, 'mailboxId');
    for (const [i, id] of (input.mailboxIds ?? []).entries()) await this.usableMailbox(accountId, id, `mailboxIds.${i}`);
    return this.campaigns.createWithSteps(
      {
        accountId,
        name: input.name,
        mailboxId: input.mailboxId.toLowerCase(),
        extraMailboxIds: input.mailboxIds,
        timeZone: input.timeZone ?? 'UTC',
        bounceRateLimit: input.bounceRateLimit ?? 0.08,
        bounceRateMinSends: input.bounceRateMinSends ?? 50,
        complaintRateLimit: input.complaintRateLimit ?? 0.003,
        complaintRateMinSends: input.complaintRateMinSends ?? 50,
        stopOnCompanyReply: input.stopOnCompanyReply ?? false,
        sendingWindow: input.sendingWindow ? { days: input.sendingWindow.days, hours: input.sendingWindow.hours } : null,
        trackingEnabled: input.trackingEnabled ?? true,
        trackingDomain: input.trackingDomain ?? null,
      },
      input.steps.map(toNewStep),
    );
  }

  async list(
    accountId: string,
    query: { limit?: number; after?: string },
  ): Promise<{ items: CampaignWithMailboxes[]; nextCursor: string | null }> {
    const page = await this.campaigns.listPage(accountId, { limit: query.limit ?? DEFAULT_CAMPAIGN_PAGE, afterId: query.after });
    if (!page) throw invalidCursor('a campaign of this account');
    return page;
  }

  /** A mailbox of the account that may send: 404 when it is not the account's, 409 when it is disabled. */
  private async usableMailbox(accountId: string, id: string, field: string): Promise<void> {
    const mailbox = await this.mailboxes.findForAccount(accountId, id);
    if (!mailbox) throw DomainError.notFound('mailbox', id, field);
    if (mailbox.disabled) {
      throw new DomainError(
        'conflict',
        `mailbox ${id} is disabled and sends nothing: enable it (PATCH /v1/mailboxes/${id} with "disabled": false) before a campaign uses it`,
        { field },
      );
    }
  }

  async get(accountId: string, id: string): Promise<CampaignWithSteps> {
    const campaign = await this.campaigns.findForAccountWithSteps(accountId, id);
    if (!campaign) throw DomainError.notFound('campaign', id);
    return campaign;
  }
}

export function toNewStep(step: AnyStepInput): NewStep {
  if (step.type === 'wait') {
    return { kind: 'wait', waitAmount: step.amount, waitUnit: step.unit, sendingDaysOnly: step.sendingDaysOnly ?? false };
  }
  if (step.type === 'condition') {
    return {
      kind: 'condition',
      conditionKind: step.condition,
      conditionSincePosition: step.sinceStep,
      conditionThen: step.then,
      conditionElse: step.else,
    };
  }
  if (step.type === 'task') return { kind: 'task', taskTitle: step.title, taskInstructions: step.instructions ?? null };
  const subjectOrNull = (subject?: string) => (subject?.trim() ? subject : null);
  const variants = step.variants?.map((variant, i) => ({
    key: variantKey(i),
    subject: subjectOrNull(variant.subject),
    body: variant.body,
    weight: variant.weight ?? 1,
  }));
  // Variant A also fills subject and body, so every reader of a step sees its first version.
  const first = variants?.[0];
  return {
    kind: 'email',
    subject: first ? first.subject : subjectOrNull(step.subject),
    body: first ? first.body : step.body,
    newThread: step.newThread,
    variants: variants ?? null,
  };
}

/** The window's calendar rules, checked in the campaign's time zone. */
function windowProblems(input: CreateCampaignDto): FieldProblem[] {
  return input.sendingWindow ? sendingWindowProblems(input.sendingWindow, input.timeZone ?? 'UTC') : [];
}
