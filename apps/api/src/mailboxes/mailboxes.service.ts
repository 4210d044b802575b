import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import { Vault } from '@relance/crypto';
import type { Mailbox } from '@relance/db/entities/mailbox.entity';
import { MailboxRepository } from '@relance/db/repositories/mailbox.repository';
import type { Page } from '@relance/db/repositories/keyset-page';
import { DomainError } from '@relance/errors';
import { MailboxCredentials } from '@relance/mailboxes/mailbox-credentials.service';
import { PlanLimits } from '../billing/plan-limits.service';
import { API_LOGGER } from '../common/logger.module';
import { DEFAULT_PAGE_SIZE, type PageQuery } from '../common/page-query';
import { invalidCursor } from '../common/pagination';
import { sendingWindowProblems } from '../common/sending-window-problems';
import { WorkflowStarter } from '../workflows/workflow-starter.service';
import { CreateMailboxDto } from './dto/create-mailbox.dto';
import { MailboxVerifier } from './mailbox-verifier';

@Injectable()
export class MailboxesService {
  constructor(
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(MailboxVerifier) private readonly verifier: MailboxVerifier,
    @Inject(Vault) private readonly vault: Vault,
    @Inject(WorkflowStarter) private readonly workflows: WorkflowStarter,
    @Inject(API_LOGGER) private readonly logger: Logger,
    @Inject(PlanLimits) private readonly limits: PlanLimits,
  ) {}

  /**
   * Verifies both servers, then stores the settings with the passwords sealed in the vault,
   * then starts the IMAP sync. Nothing is saved when a server refuses.
   */
  async create(accountId: string, userId: string | null, input: CreateMailboxDto): Promise<Mailbox> {
    if (await this.mailboxes.existsWithEmail(accountId, input.email)) {
      throw new DomainError('conflict', 'a mailbox with this email already exists', { field: 'email' });
    }
    await this.limits.refuseNewMailbox(accountId);
    const windowProblems = input.sendingWindow ? sendingWindowProblems(input.sendingWindow, input.timeZone ?? 'UTC') : [];
    if (windowProblems.length > 0) throw DomainError.validation(windowProblems);
    const smtp = { ...input.smtp, secure: input.smtp.secure ?? false };
    const imap = { ...input.imap, secure: input.imap.secure ?? false, password: input.imap.password ?? input.smtp.password };
    await this.verifier.verify(smtp, imap);

    const id = randomUUID(); // known before the insert: the vault binds the ciphertext to it
    const sealed = MailboxCredentials.seal(this.vault, id, { smtpPassword: smtp.password, imapPassword: imap.password });
    const mailbox = await this.mailboxes.createWithSecret(
      {
        id,
        accountId,
        userId,
        email: input.email,
        displayName: input.displayName ?? '',
        smtpHost: smtp.host,
        smtpPort: smtp.port,
        smtpSecure: smtp.secure,
        smtpUsername: smtp.username,
        imapHost: imap.host,
        imapPort: imap.port,
        imapSecure: imap.secure,
        imapUsername: imap.username,
        dailyLimit: input.dailyLimit ?? 50,
        minSpacingSeconds: input.minSpacingSeconds ?? 60,
        spacingJitterSeconds: input.spacingJitterSeconds ?? 0,
        timeZone: input.timeZone ?? 'UTC',
        sendingWindow: input.sendingWindow ? { days: input.sendingWindow.days, hours: input.sendingWindow.hours } : null,
      },
      sealed,
    );
    this.logger.info({ accountId, mailboxId: id }, 'mailbox created');
    await this.startSync(mailbox.id);
    return mailbox;
  }

  async list(accountId: string, query: PageQuery): Promise<Page<Mailbox>> {
    const page = await this.mailboxes.listPage(accountId, { limit: query.limit ?? DEFAULT_PAGE_SIZE, afterId: query.after });
    if (!page) throw invalidCursor('a mailbox of this account');
    return page;
  }

  async get(accountId: string, id: string): Promise<Mailbox> {
    const mailbox = await this.mailboxes.findForAccount(accountId, id);
    if (!mailbox) throw DomainError.notFound('mailbox', id);
    return mailbox;
  }

  /**
   * The mailbox is saved by now: a Temporal hiccup must not turn the request into an error
   * the client would retry into a conflict. Launching a campaign starts the sync again.
   */
  private async startSync(mailboxId: string): Promise<void> {
    try {
      await this.workflows.ensureMailboxSync(mailboxId);
    } catch (error) {
      this.logger.error({ mailboxId, err: { message: (error as Error).message } }, 'could not start mailbox sync');
    }
  }
}
