import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { InboundRepository, MailboxRepository } from '@relance/db';
import type { Mailbox } from '@relance/db';
import type { InboundEffect, RecordedInbound } from '@relance/db/repositories/inbound.repository';
import { MailError, readNewMessages, type InboundMail } from '@relance/mail';
import { classifyInbound, type InboundClassification } from '@relance/mail/classification';
import { hashEmail } from '@relance/privacy/suppression-keys';
import type { InboundSignals, MailboxSyncResult } from '@relance/temporal/contracts';
import { inboundOutcome, matchingMessageIds, separateQuoted } from './inbound-outcome';
import { BounceGuard } from '@relance/sequencing';
import { WorkerMetrics } from '@relance/observability';
import { WebhookFacts } from '@relance/webhooks/webhook-facts';
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
 * Reads a mailbox's INBOX from its UIDVALIDITY + UID checkpoint, classifies each message
 * (reply, auto-reply, bounce), stores those about our messages together with what they mean
 * for the sequence (ended, held, bounced: one transaction each) and advances the checkpoint.
 */
@Injectable()
export class MailboxSync {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(InboundRepository) private readonly inbound: InboundRepository,
    @Inject(MailboxCredentials) private readonly credentials: MailboxCredentials,
    @Inject(BounceGuard) private readonly bounceGuard: BounceGuard,
    // The worker counts what it records; the API, which reads INBOXes only for a last look, does not.
    @Optional() @Inject(WorkerMetrics) private readonly metrics?: WorkerMetrics,
    @Optional() @Inject(WebhookFacts) private readonly webhooks?: WebhookFacts,
  ) {}

  /** Aborted when the worker stops: passes end their wait for new mail at once instead of at the grace time. */
  private readonly stopping = new AbortController();

  /**
   * The worker is shutting down: every pass waiting in IMAP IDLE returns now (reading whatever
   * came), and later passes do not wait. Their workflows carry on with the next worker.
   */
  stopWaiting(): void {
    this.stopping.abort();
  }

  /**
   * One pass: waits (IMAP IDLE) up to the sync interval for new mail when none is waiting,
   * then reads. Replies are therefore seen about a second after they land; where IDLE is
   * not available the pass still lasts the interval, so it degrades to polling.
   */
  async sync(mailboxId: string, given: SyncControls = {}): Promise<MailboxSyncResult> {
    const controls = { ...given, signal: given.signal ? AbortSignal.any([given.signal, this.stopping.signal]) : this.stopping.signal };
    const waitMs = Math.min(this.config.mail.syncIntervalMs, MAX_WAIT_MS);
    const began = Date.now();
    const mailbox = await this.mailboxes.findById(mailboxId);
    if (!mailbox) return { exists: false, replies: [], pauses: [], stops: [], resends: [] };
    try {
      const read = await readNewMessages(
        await this.credentials.imap(mailbox),
        { uidValidity: mailbox.imapUidValidity, lastUid: mailbox.imapLastUid },
        {
          network: { allowPrivateHosts: this.config.mail.allowPrivateHosts },
          limit: READ_CHUNK,
          timeoutMs: this.config.mail.imapTimeoutMs,
          fromNowOnFirstRead: true,
          waitMs,
          signal: controls.signal,
          onWaiting: controls.heartbeat,
        },
      );
      const signals: InboundSignals = { replies: [], pauses: [], stops: [], resends: [] };
      for (const mail of read.messages) {
        controls.heartbeat?.();
        const recorded = await this.record(mailbox, read.uidValidity, mail);
        if (recorded) addSignals(signals, recorded.inboundMessageId, recorded.effect);
      }
      await this.mailboxes.saveSyncState(mailbox, {
        imapUidValidity: read.uidValidity,
        imapLastUid: read.lastUid,
        syncError: null,
      });
      if (read.messages.length === 0) await pause(waitMs - (Date.now() - began), controls.signal);
      return { exists: true, ...signals };
    } catch (error) {
      if (error instanceof MailError) await this.mailboxes.saveSyncState(mailbox, { syncError: error.message });
      throw error;
    }
  }

  /**
   * Records mail a look at the INBOX found before the sync read it (the last look before a
   * follow-up leaves), exactly as the sync will: when it reads the same messages, it records
   * nothing twice and tells the workflows then.
   */
  async recordAhead(mailbox: Mailbox, uidValidity: string, mails: readonly InboundMail[]): Promise<void> {
    for (const mail of mails) await this.record(mailbox, uidValidity, mail);
  }

  /** Classifies one message and stores what it means, in one transaction (see InboundRepository.recordInbound). */
  private async record(mailbox: Mailbox, uidValidity: string, mail: InboundMail): Promise<RecordedInbound | null> {
    const classification = await this.classify(mailbox, mail);
    const outcome = inboundOutcome(mail, classification, {
      now: new Date(),
      defaultPauseMs: this.config.sequencing.autoReplyPauseMs,
      softBounceResend: this.config.sequencing.softBounceResend,
      senderProblem: this.config.sequencing.senderProblem,
    });
    const recorded = await this.inbound.recordInbound(
      {
        mailboxId: mailbox.id,
        uidValidity,
        uid: mail.uid,
        messageIdHeader: mail.messageId,
        candidateMessageIds: matchingMessageIds(mail, classification),
        fromAddress: mail.from?.address.toLowerCase() ?? null,
        toAddresses: mail.to.map((address) => address.toLowerCase()),
        subject: mail.subject,
        ...separateQuoted(mail.text),
        receivedAt: mail.date,
        outcome,
      },
      (email) => hashEmail(this.config.suppression.hashKey, email),
    );
    // Counted once per message: a re-read after a crash (isNew false) reports its effect again, not its arrival.
    if (recorded?.isNew) this.metrics?.inboundRecorded(outcome);
    if (recorded?.effect.kind === 'bounced' && recorded.effect.reason === 'hard_bounce') {
      await this.bounceGuard.afterHardBounces(recorded.effect.enrollmentIds);
    }
    // A complaint counts against its campaign even when the sequence had already ended.
    if (recorded && outcome.kind === 'complaint') await this.bounceGuard.afterComplaint(recorded.enrollmentId);
    if (recorded?.mailboxPaused) this.bounceGuard.mailboxPaused(mailbox.id, recorded.mailboxPaused);
    // Told again on a re-read (not only when new): a delivery per event is stored once, whatever the repeats.
    if (recorded) await this.webhooks?.inboundRecorded(recorded.inboundMessageId, outcome.kind);
    return recorded;
  }

  /**
   * The return date of an auto-reply is 09:00 where its author lives: the prospect's zone when
   * the mail is about one of ours (by its thread or its sender) and the zone is known (looked up
   * only for auto-replies), else the mailbox's.
   */
  private async classify(mailbox: Mailbox, mail: InboundMail): Promise<InboundClassification> {
    const { id: mailboxId, timeZone: mailboxZone } = mailbox;
    const receivedAt = mail.date ?? new Date();
    const first = classifyInbound(mail, { timeZone: mailboxZone, receivedAt, notColleagues: [mailbox.email] });
    if (first.kind === 'referral') return this.classifyReferral(mailbox, mail, first, receivedAt);
    if (first.kind !== 'auto_reply' || !first.returnDate) return first;
    const prospectZone = await this.inbound.prospectTimeZone(mailboxId, matchingMessageIds(mail, first), mail.from?.address ?? null);
    if (!prospectZone || prospectZone === mailboxZone) return first;
    return classifyInbound(mail, { timeZone: prospectZone, receivedAt });
  }

  /**
   * A referral may not offer the person who left: read again knowing their address (looked up
   * only for referrals), which leaves the next colleague named, the sender, or no referral at all.
   */
  private async classifyReferral(
    mailbox: Mailbox, mail: InboundMail, first: InboundClassification, receivedAt: Date,
  ): Promise<InboundClassification> {
    const departed = await this.inbound.prospectAddress(mailbox.id, matchingMessageIds(mail, first), mail.from?.address ?? null);
    if (!departed) return first;
    return classifyInbound(mail, { timeZone: mailbox.timeZone, receivedAt, notColleagues: [mailbox.email, departed] });
  }
}

/** What the enrollment workflows must hear, and the resends to start: ids and dates only. */
function addSignals(signals: InboundSignals, inboundMessageId: string, effect: InboundEffect): void {
  switch (effect.kind) {
    case 'replied':
      signals.replies.push({ enrollmentId: effect.enrollmentId, inboundMessageId });
      for (const enrollmentId of effect.prospectStopped ?? []) signals.stops.push({ enrollmentId, reason: 'prospect_replied' });
      for (const enrollmentId of effect.companyStopped ?? []) signals.stops.push({ enrollmentId, reason: 'company_replied' });
      break;
    case 'paused':
      signals.pauses.push({ enrollmentId: effect.enrollmentId, until: effect.until.toISOString() });
      break;
    case 'bounced':
    case 'stopped':
      for (const enrollmentId of effect.enrollmentIds) signals.stops.push({ enrollmentId, reason: effect.reason });
      break;
    case 'resend':
      signals.resends.push({
        enrollmentId: effect.enrollmentId, stepId: effect.stepId, messageId: effect.messageId,
        attempt: effect.attempt, at: effect.at.toISOString(),
      });
      break;
    case 'none':
      break;
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
