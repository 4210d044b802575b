import { Inject, Injectable } from '@nestjs/common';
import type { Campaign } from '../../../../libs/db/entities/campaign.entity';
import {
  CampaignRepository, CampaignWithSteps, NewStep,
} from '../../../../libs/db/repositories/campaign.repository';
import { MailboxRepository } from '../../../../libs/db/repositories/mailbox.repository';
import { DomainError } from '../../../../libs/errors';
import { CreateCampaignDto } from './dto/create-campaign.dto';
import type { AnyStepInput } from './dto/step-input.dto';
import { sequenceProblems } from './sequence-rules';

@Injectable()
export class CampaignsService {
  constructor(
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
  ) {}

  async create(accountId: string, input: CreateCampaignDto): Promise<CampaignWithSteps> {
    const problems = sequenceProblems(input.steps);
    if (problems.length > 0) throw DomainError.validation(problems);
    if (!(await this.mailboxes.findForAccount(accountId, input.mailboxId))) {
      throw DomainError.notFound('mailbox', input.mailboxId, 'mailboxId');
    }
    return this.campaigns.createWithSteps(
      { accountId, name: input.name, mailboxId: input.mailboxId },
      input.steps.map(toNewStep),
    );
  }

  list(accountId: string): Promise<Campaign[]> {
    return this.campaigns.listForAccount(accountId);
  }

  async get(accountId: string, id: string): Promise<CampaignWithSteps> {
    const campaign = await this.campaigns.findForAccountWithSteps(accountId, id);
    if (!campaign) throw DomainError.notFound('campaign', id);
    return campaign;
  }
}

function toNewStep(step: AnyStepInput): NewStep {
  if (step.type === 'wait') return { kind: 'wait', waitAmount: step.amount, waitUnit: step.unit };
  return { kind: 'email', subject: step.subject?.trim() ? step.subject : null, body: step.body, newThread: step.newThread };
}
