import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config';
import { InboundRepository, MailboxRepository } from '../db';
import { candidateMessageIds, MailError, readNewMessages } from '../mail';
import type { MailboxSyncResult, RepliedEnrollment } from '../temporal/contracts';
import { MailboxCredentials } from './mailbox-credentials.service';

/** Messages read per pass: a large backlog is read over several passes, checkpointed each time. */
const READ_CHUNK = 200;

/**
 * Reads a mailbox's INBOX from its UIDVALIDITY + UID checkpoint, stores the replies to our
 * messages (ending their enrollments in the same transaction) and advances the checkpoint.
 */
@Injectable()
export class MailboxSync {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(InboundRepository) private readonly inbound: InboundRepository,
    @Inject(MailboxCredentials) private readonly credentials: MailboxCredentials,
  ) {}

  async sync(mailboxId: string): Promise<MailboxSyncResult> {
    const pollIntervalMs = this.config.mail.syncIntervalMs;
    const mailbox = await this.mailboxes.findById(mailboxId);
    if (!mailbox) return { exists: false, replies: [], hasMore: false, pollIntervalMs };
    try {
      const read = await readNewMessages(
        await this.credentials.imap(mailbox),
        { uidValidity: mailbox.imapUidValidity, lastUid: mailbox.imapLastUid },
        { limit: READ_CHUNK, timeoutMs: this.config.mail.imapTimeoutMs, fromNowOnFirstRead: true },
      );
      const replies: RepliedEnrollment[] = [];
      for (const mail of read.messages) {
        const recorded = await this.inbound.recordReply({
          mailboxId,
          uidValidity: read.uidValidity,
          uid: mail.uid,
          messageIdHeader: mail.messageId,
          candidateMessageIds: candidateMessageIds(mail),
          fromAddress: mail.from?.address.toLowerCase() ?? null,
          subject: mail.subject,
          bodyText: mail.text,
          receivedAt: mail.date,
        });
        if (recorded) replies.push({ enrollmentId: recorded.enrollmentId, inboundMessageId: recorded.inboundMessageId });
      }
      await this.mailboxes.saveSyncState(mailboxId, {
        imapUidValidity: read.uidValidity,
        imapLastUid: read.lastUid,
        syncError: null,
      });
      return { exists: true, replies, hasMore: read.messages.length === READ_CHUNK, pollIntervalMs };
    } catch (error) {
      if (error instanceof MailError) await this.mailboxes.saveSyncState(mailboxId, { syncError: error.message });
      throw error;
    }
  }
}
