import { Inject, Injectable } from '@nestjs/common';
import type { Step } from '../../../../libs/db/entities/step.entity';
import { CampaignRepository } from '../../../../libs/db/repositories/campaign.repository';
import { MailboxRepository } from '../../../../libs/db/repositories/mailbox.repository';
import { ProspectRepository } from '../../../../libs/db/repositories/prospect.repository';
import { DomainError } from '../../../../libs/errors';
import { renderTemplate, templateDataFor, TemplateData, TemplateRenderError } from '../../../../libs/sequencing';

export interface RenderedVariant {
  variant: string;
  subject: string;
  body: string;
}

/** Renders an email step for one prospect, every variant, exactly as a send would. */
@Injectable()
export class CampaignPreviewService {
  constructor(
    @Inject(CampaignRepository) private readonly campaigns: CampaignRepository,
    @Inject(ProspectRepository) private readonly prospects: ProspectRepository,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
  ) {}

  async preview(accountId: string, campaignId: string, stepId: string, prospectId: string): Promise<RenderedVariant[]> {
    const campaign = await this.campaigns.findForAccountWithSteps(accountId, campaignId);
    if (!campaign) throw DomainError.notFound('campaign', campaignId);
    const step = campaign.steps.find((candidate) => candidate.id === stepId);
    if (!step) throw DomainError.notFound('step', stepId, 'stepId');
    if (step.kind !== 'email') throw DomainError.validation([{ field: 'stepId', message: 'stepId is not an email step' }]);
    const prospect = await this.prospects.findForAccount(accountId, prospectId);
    if (!prospect) throw DomainError.notFound('prospect', prospectId, 'prospectId');
    const mailbox = await this.mailboxes.findById(campaign.mailboxId);
    const data = templateDataFor(prospect, { name: mailbox?.displayName ?? '', email: mailbox?.email ?? '' });
    const threadSubject = this.threadSubject(campaign.steps, step, data);
    try {
      return versionsOf(step).map((version) => ({
        variant: version.key,
        subject: version.subject ? oneLine(renderTemplate(version.subject, data)) : threadSubject,
        body: renderTemplate(version.body, data),
      }));
    } catch (error) {
      if (error instanceof TemplateRenderError) throw new DomainError('validation_failed', `the step cannot be rendered: ${error.message}`);
      throw error;
    }
  }

  /** A follow-up without its own subject answers the email that opened the thread. */
  private threadSubject(steps: Step[], step: Step, data: TemplateData): string {
    const opener = [...steps]
      .filter((s) => s.kind === 'email' && s.position < step.position && s.subject)
      .sort((a, b) => b.position - a.position)
      .find((s) => s.newThread || s === steps.find((first) => first.kind === 'email'));
    const subject = opener?.subject ? oneLine(renderTemplate(opener.subject, data)) : '';
    return /^re:/i.test(subject) ? subject : `Re: ${subject}`;
  }
}

function versionsOf(step: Step) {
  return step.variants ?? [{ key: 'A', subject: step.subject, body: step.body ?? '', weight: 1 }];
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}
