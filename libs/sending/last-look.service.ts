import { Inject, Injectable } from '@nestjs/common';
import { MailboxRepository, OutboxRepository } from '@relance/db';
import type { Mailbox, Message } from '@relance/db';
import { MailboxSync } from '@relance/mailboxes/mailbox-sync.service';
import { SentCopyKeeper } from './sent-copy.service';

/**
 * The last look at the rep's INBOX before a follow-up leaves. IMAP IDLE tells the mailbox sync
 * of new mail within about half a second; a reply landing in that half-second before a
 * follow-up is due would otherwise not stop it. So right before the SMTP transaction (after the
 * claim, no database lock held across the network), anything the sync has not read yet from
 * the prospect or answering their thread is recorded through the same inbound path, and the
 * caller learns whether the send may still go.
 */
@Injectable()
export class LastLookBeforeSend {
  constructor(
    @Inject(OutboxRepository) private readonly outbox: OutboxRepository,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(SentCopyKeeper) private readonly connections: SentCopyKeeper,
    @Inject(MailboxSync) private readonly inbound: MailboxSync,
  ) {}

  /**
   * False when mail that landed since the sync's last read ends or holds the sequence (a reply,
   * an out-of-office reply, a bounce): the claimed email must not leave. First emails are not
   * looked for (there is no thread yet), nor are mailboxes the sync has not read yet.
   * An IMAP failure propagates: the send is retried later, never made blind.
   */
  async maySend(message: Message, resend: boolean): Promise<boolean> {
    const thread = await this.outbox.sentThread(message.enrollmentId);
    if (thread.length === 0) return true;
    const mailbox: Mailbox | null = await this.mailboxes.findById(message.mailboxId);
    if (!mailbox?.imapUidValidity) return true;
    const landed = await this.connections.peekInbox(mailbox, {
      uidValidity: mailbox.imapUidValidity,
      afterUid: mailbox.imapLastUid,
      from: message.toAddress,
      threadMessageIds: thread,
    });
    if (landed.length === 0) return true;
    await this.inbound.recordAhead(mailbox, mailbox.imapUidValidity, landed);
    return this.outbox.maySendNow(message.enrollmentId, resend);
  }
}
