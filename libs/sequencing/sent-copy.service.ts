import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config';
import { Mailbox, MailboxRepository } from '../db';
import { copyToSent, sentFolderHolds } from '../mail';
import { MailboxCredentials } from '../mailboxes/mailbox-credentials.service';
import { createLogger } from '../observability';

export type SentFolderVerdict = 'sent' | 'not_sent' | 'unknown';

/**
 * Keeps sent mail in the mailbox's Sent folder, as a mail client would, and reads it back
 * to settle a send whose outcome was lost (a crash between SMTP and the database update).
 */
@Injectable()
export class SentCopyKeeper {
  private readonly logger;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(MailboxCredentials) private readonly credentials: MailboxCredentials,
  ) {
    this.logger = createLogger({ level: config.logLevel, service: 'sent-copy' });
  }

  /**
   * After a message was accepted: on the first send, learn whether the server files sent
   * mail itself; when it does not, APPEND our copy. Failing here never fails the send.
   */
  async keep(mailbox: Mailbox, messageIdHeader: string, raw: Buffer): Promise<void> {
    try {
      if (mailbox.sentCopy === 'server') return;
      const settings = await this.credentials.imap(mailbox);
      if (mailbox.sentCopy === null && (await sentFolderHolds(settings, messageIdHeader, this.timeout()))) {
        await this.mailboxes.saveSentCopy(mailbox.id, 'server');
        return;
      }
      if (await copyToSent(settings, raw, this.timeout())) {
        if (mailbox.sentCopy === null) await this.mailboxes.saveSentCopy(mailbox.id, 'relance');
      }
    } catch (error) {
      this.logger.warn({ mailboxId: mailbox.id, err: { message: (error as Error).message } }, 'could not copy to Sent');
    }
  }

  /**
   * Was this message sent? Found in Sent: yes. Not found where the server files everything it
   * accepts: no, it may go again. Otherwise nobody can tell.
   */
  async verdict(mailbox: Mailbox, messageIdHeader: string): Promise<SentFolderVerdict> {
    const found = await sentFolderHolds(await this.credentials.imap(mailbox), messageIdHeader, this.timeout());
    if (found === true) return 'sent';
    if (found === false && mailbox.sentCopy === 'server') return 'not_sent';
    return 'unknown';
  }

  private timeout(): number {
    return this.config.mail.imapTimeoutMs;
  }
}
