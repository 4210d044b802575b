import { Inject, Injectable, Optional, OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { Mailbox, MailboxRepository } from '@relance/db';
import { SentFolderConnections, type InboundMail, type InboxPeek } from '@relance/mail';
import { MailboxCredentials } from '@relance/mailboxes/mailbox-credentials.service';
import { APP_LOGGER, createLogger, type Logger } from '@relance/observability';

export type SentFolderVerdict = 'sent' | 'not_sent' | 'unknown';

/**
 * Keeps sent mail in the mailbox's Sent folder, as a mail client would, and reads it back
 * to settle a send whose outcome was lost (a crash between SMTP and the database update).
 * Both go through one IMAP connection per mailbox, logged out when the worker stops; so does
 * the last look at the INBOX before a follow-up leaves.
 */
@Injectable()
export class SentCopyKeeper implements OnApplicationShutdown {
  private readonly logger: Logger;
  private readonly sentFolders: SentFolderConnections;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(MailboxCredentials) private readonly credentials: MailboxCredentials,
    @Optional() @Inject(APP_LOGGER) logger?: Logger,
  ) {
    // The process's logger where there is one (worker, API); a service built by hand logs on its own.
    this.logger = logger?.child({ component: 'sent-copy' }) ?? createLogger({ level: config.logLevel, service: 'sent-copy' });
    this.sentFolders = new SentFolderConnections({
      timeoutMs: config.mail.imapTimeoutMs,
      network: { allowPrivateHosts: config.mail.allowPrivateHosts },
    });
  }

  /**
   * After a message was accepted: on the first send, learn whether the server files sent
   * mail itself; when it does not, APPEND our copy. Failing here never fails the send.
   */
  async keep(mailbox: Mailbox, messageIdHeader: string, raw: Buffer): Promise<void> {
    try {
      if (mailbox.sentCopy === 'server') return;
      const settings = await this.credentials.imap(mailbox);
      if (mailbox.sentCopy === null && (await this.sentFolders.holds(mailbox.id, settings, messageIdHeader))) {
        await this.mailboxes.saveSentCopy(mailbox.id, 'server');
        return;
      }
      if (await this.sentFolders.append(mailbox.id, settings, raw)) {
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
    const found = await this.sentFolders.holds(mailbox.id, await this.credentials.imap(mailbox), messageIdHeader);
    if (found === true) return 'sent';
    if (found === false && mailbox.sentCopy === 'server') return 'not_sent';
    return 'unknown';
  }

  /**
   * The INBOX mail from a prospect or answering their thread since the sync's checkpoint, on the
   * mailbox's kept connection (see peekInbox).
   */
  async peekInbox(mailbox: Mailbox, peek: InboxPeek): Promise<InboundMail[]> {
    return this.sentFolders.peekInbox(mailbox.id, await this.credentials.imap(mailbox), peek);
  }

  /** Nest calls this on app.close(), which the worker runs once its activities have drained. */
  onApplicationShutdown(): Promise<void> {
    return this.sentFolders.closeAll();
  }
}
