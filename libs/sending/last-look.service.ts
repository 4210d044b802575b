import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { MailboxRepository, OutboxRepository } from '@relance/db';
import type { Mailbox, Message } from '@relance/db';
import { MailboxSync } from '@relance/mailboxes/mailbox-sync.service';
import { suppressionKeysFor } from '@relance/privacy/suppression-keys';
import { sequenceRefusal } from './claim-decision';
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
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OutboxRepository) private readonly outbox: OutboxRepository,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(SentCopyKeeper) private readonly connections: SentCopyKeeper,
    @Inject(MailboxSync) private readonly inbound: MailboxSync,
  ) {}

  /**
   * False when mail that landed since the claim ends or holds the sequence (a reply, an
   * out-of-office reply, a bounce): the claimed email must not leave. Whatever the sync has not
   * read yet is recorded, then the sequence is judged as the claim judges it (sequenceRefusal). First emails are not
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
    if (landed.length > 0) await this.inbound.recordAhead(mailbox, mailbox.imapUidValidity, landed);
    // Judged again even when nothing new landed: the sync may have recorded a reply, and moved
    // its checkpoint past it, between the claim and this look; only the database knows then.
    const keys = (email: string) => suppressionKeysFor(this.config.suppression.hashKey, email);
    const state = await this.outbox.claimState(message.enrollmentId, message.stepId, keys);
    return state !== null && sequenceRefusal(state, new Date(), resend) === null;
  }
}
