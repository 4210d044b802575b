import { Inject, Injectable } from '@nestjs/common';
import type { Step } from '@relance/db/entities/step.entity';
import { CampaignRepository } from '@relance/db/repositories/campaign.repository';
import { MailboxRepository } from '@relance/db/repositories/mailbox.repository';
import { ProspectRepository } from '@relance/db/repositories/prospect.repository';
import { DomainError } from '@relance/errors';
import { renderTemplate, templateDataFor, TemplateData, TemplateRenderError } from '@relance/templates';
import { blankRendering } from '@relance/sending';

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
    const prospect = await this.prospects.findForTemplates(accountId, prospectId);
    if (!prospect) throw DomainError.notFound('prospect', prospectId, 'prospectId');
    const mailbox = await this.mailboxes.findById(campaign.mailboxId);
    const data = templateDataFor(prospect, { name: mailbox?.displayName ?? '', email: mailbox?.email ?? '' });
    const opensThread = step.newThread || campaign.steps.find((first) => first.kind === 'email') === step;
    const threadSubject = opensThread ? '' : this.threadSubject(campaign.steps, step, data);
    return versionsOf(step).map((version) => {
      // As a send does: an own subject that renders empty falls back to the thread's.
      const own = version.subject ? oneLine(render(version.subject, data, `variant ${version.key}'s subject`)) : '';
      const subject = own || threadSubject;
      const body = render(version.body, data, `variant ${version.key}'s body`);
      const blank = blankRendering(subject, body);
      if (blank) throw new DomainError('validation_failed', `the step cannot be sent: variant ${version.key}: ${blank}`);
      return { variant: version.key, subject, body };
    });
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

function render(template: string, data: TemplateData, what: string): string {
  try {
    return renderTemplate(template, data);
  } catch (error) {
    if (error instanceof TemplateRenderError) throw new DomainError('validation_failed', `the step cannot be rendered: ${what}: ${error.message}`);
    throw error;
  }
}

function versionsOf(step: Step) {
  return step.variants ?? [{ key: 'A', subject: step.subject, body: step.body ?? '', weight: 1 }];
}

function oneLine(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').trim();
}
