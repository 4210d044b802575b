import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '../config';
import { InboundRepository, MailboxRepository } from '../db';
import { candidateMessageIds, MailError, readNewMessages } from '../mail';
import type { MailboxSyncResult, RepliedEnrollment } from '../temporal/contracts';
import { MailboxCredentials } from './mailbox-credentials.service';

/** Messages read per pass: a large backlog is read over several passes, checkpointed each time. */
const READ_CHUNK = 200;
/** Longest IDLE per pass: well under the 29 minutes after which servers may drop an idle client. */
const MAX_WAIT_MS = 5 * 60_000;

export interface SyncControls {
  /** Aborts the wait for new mail (worker shutting down, activity cancelled). */
  signal?: AbortSignal;
  /** Called while waiting, so the caller can show it is alive. */
  heartbeat?: () => void;
}

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

  /**
   * One pass: waits (IMAP IDLE) up to the sync interval for new mail when none is waiting,
   * then reads. Replies are therefore seen about a second after they land; where IDLE is
   * not available the pass still lasts the interval, so it degrades to polling.
   */
  async sync(mailboxId: string, controls: SyncControls = {}): Promise<MailboxSyncResult> {
    const waitMs = Math.min(this.config.mail.syncIntervalMs, MAX_WAIT_MS);
    const began = Date.now();
    const mailbox = await this.mailboxes.findById(mailboxId);
    if (!mailbox) return { exists: false, replies: [] };
    try {
      const read = await readNewMessages(
        await this.credentials.imap(mailbox),
        { uidValidity: mailbox.imapUidValidity, lastUid: mailbox.imapLastUid },
        {
          limit: READ_CHUNK,
          timeoutMs: this.config.mail.imapTimeoutMs,
          fromNowOnFirstRead: true,
          waitMs,
          signal: controls.signal,
          onWaiting: controls.heartbeat,
        },
      );
      const replies: RepliedEnrollment[] = [];
      for (const mail of read.messages) {
        controls.heartbeat?.();
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
      if (read.messages.length === 0) await pause(waitMs - (Date.now() - began), controls.signal);
      return { exists: true, replies };
    } catch (error) {
      if (error instanceof MailError) await this.mailboxes.saveSyncState(mailboxId, { syncError: error.message });
      throw error;
    }
  }
}

/** Sits out what is left of a pass whose wait ended early without news (no IDLE support). */
function pause(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => { clearTimeout(timer); resolve(); }, { once: true });
  });
}
