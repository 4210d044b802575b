import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { TokenSigner } from '@relance/crypto/signed-token';
import { MailboxRepository, OutboxRepository } from '@relance/db';
import type { Mailbox, Message } from '@relance/db';
import { buildMessageId, MailError, SmtpSender, type OutgoingMail, type SmtpSettings } from '@relance/mail';
import { MailboxCredentials } from '@relance/mailboxes/mailbox-credentials.service';
import { suppressionKeysFor } from '@relance/privacy/suppression-keys';
import type { SendStepResult } from '@relance/temporal/contracts';
import type { PaceContext } from '@relance/db/repositories/outbox.repository';
import { claimBillingRules } from '@relance/billing';
import { decideClaim } from './claim-decision';
import { composeMessage } from './compose-message';
import { decidePace, effectiveTimeZone, SendingWindow } from '@relance/scheduling';
import { LastLookBeforeSend } from './last-look.service';
import { SentCopyKeeper } from './sent-copy.service';
import { TemplateRenderError } from '@relance/templates';
import { trackedHtmlFor, withTracking } from '@relance/tracking';
import { unsubscribeHeadersFor } from './unsubscribe-headers';

interface PreparedSend {
  mailbox: Mailbox;
  settings: SmtpSettings;
  mail: OutgoingMail;
}

/** A failure worth retrying later: nothing left the building. */
export class TransientSendError extends Error {
  override readonly name = 'TransientSendError';
}

/**
 * Sends one step of one enrollment at most once: claim the outbox row (re-checking that the
 * prospect may still be written to), take a last look at the INBOX for a reply that has just
 * landed, speak SMTP, record the outcome, file a copy in Sent.
 * When the server may have accepted the message and the Sent folder cannot tell, the row
 * becomes `unknown`, never a resend.
 */
@Injectable()
export class StepSender {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(OutboxRepository) private readonly outbox: OutboxRepository,
    @Inject(MailboxRepository) private readonly mailboxes: MailboxRepository,
    @Inject(MailboxCredentials) private readonly credentials: MailboxCredentials,
    @Inject(SmtpSender) private readonly smtp: SmtpSender,
    @Inject(SentCopyKeeper) private readonly sentCopies: SentCopyKeeper,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(LastLookBeforeSend) private readonly lastLook: LastLookBeforeSend,
  ) {}

  /**
   * `heldSlot`: the place in a mailbox's line an earlier attempt was given (when it was
   * deferred with `queued`), so the send keeps its turn. `resendAttempt`: the step's email
   * came back soft-bounced that many times and goes again, under the same rules as a first
   * send, with Message-ID `<relance.{outbox id}.r{attempt}@…>`.
   */
  async send(enrollmentId: string, stepId: string, heldSlot: Date | null = null, resendAttempt?: number): Promise<SendStepResult> {
    const resend = resendAttempt === undefined ? undefined : {
      attempt: resendAttempt,
      messageIdFor: (outboxId: string, sender: string) => buildMessageId(`${outboxId}.r${resendAttempt}`, sender),
    };
    let claim;
    try {
      claim = await this.outbox.claim(enrollmentId, stepId, {
        decide: decideClaim,
        compose: (context) => withTracking(composeMessage(context), context, this.config.api.publicUrl),
        suppressionKeys: (email) => suppressionKeysFor(this.config.suppression.hashKey, email),
        ...claimBillingRules(this.config.billing, this.config.sequencing.pauseRecheckMs),
        pace: (context) => decidePace({
          now: new Date(),
          window: sendingWindowOf(context),
          assignedMailboxId: context.assignedMailboxId,
          mailboxes: context.mailboxes,
          heldSlot,
          random: Math.random,
        }),
      }, resend);
    } catch (error) {
      // Nothing was claimed (the transaction rolled back): the step cannot be written.
      if (error instanceof TemplateRenderError) return { outcome: 'failed', reason: `template_error: ${error.message}` };
      throw error;
    }
    if (claim.kind === 'stopped') {
      // Reasons found outside the enrollment's own row are written to it, so it does not read
      // `active` after its workflow has ended (e.g. enrolled by a launch racing a stop).
      if (claim.reason.startsWith('prospect_') || claim.reason === 'campaign_stopped') {
        await this.outbox.stopEnrollment(enrollmentId, claim.reason);
      }
      return { outcome: 'stopped', reason: claim.reason };
    }
    if (claim.kind === 'existing') return this.resolveExisting(claim.message);
    if (claim.kind === 'paused') {
      return { outcome: 'paused', reason: claim.reason, until: new Date(Date.now() + this.config.sequencing.pauseRecheckMs).toISOString() };
    }
    if (claim.kind === 'replanned') return { outcome: 'replanned' };
    if (claim.kind === 'deferred') return { outcome: 'deferred', reason: claim.reason, until: claim.until.toISOString(), queued: claim.queued };
    return this.deliver(claim.message);
  }

  private async resolveExisting(message: Message): Promise<SendStepResult> {
    if (message.status === 'sending') return this.recoverInterrupted(message);
    if (message.status === 'failed') return { outcome: 'failed', reason: message.error ?? 'failed' };
    return { outcome: message.status };
  }

  /**
   * An earlier attempt claimed the row and never recorded the outcome (a crash between SMTP
   * and the database). The Sent folder tells, before anything may go again.
   */
  private async recoverInterrupted(message: Message): Promise<SendStepResult> {
    // An attempt that may still be talking to the server is not ours to judge yet.
    if (Date.now() - message.claimedAt.getTime() < 2 * this.config.mail.smtpTimeoutMs) {
      throw new TransientSendError(`message ${message.id} may still be in flight`);
    }
    const mailbox = await this.mailboxes.findById(message.mailboxId);
    if (!mailbox) throw new Error(`mailbox ${message.mailboxId} disappeared`);
    const verdict = await this.sentCopies.verdict(mailbox, message.messageIdHeader);
    if (verdict === 'sent') {
      await this.outbox.markSent(message.id, 'found in the Sent folder after an interrupted send');
      return { outcome: 'sent' };
    }
    if (verdict === 'not_sent') return this.deliver(message);
    await this.outbox.markUnknown(message.id, 'the send was interrupted and the Sent folder cannot tell whether it left');
    return { outcome: 'unknown' };
  }

  private async deliver(message: Message): Promise<SendStepResult> {
    let prepared: PreparedSend;
    try {
      prepared = await this.prepare(message);
    } catch (error) {
      // Nothing has left (a database hiccup, most likely): give the claim back for the retry.
      // If even that fails, the row stays `sending` and the retry settles it through Sent.
      await this.outbox.release(message.id).catch(() => undefined);
      throw error;
    }
    const { mailbox, mail, settings } = prepared;
    const resendAttempt = message.softBounces > 0 ? message.softBounces : undefined;
    let maySend: boolean;
    try {
      maySend = await this.lastLook.maySend(message, resendAttempt !== undefined);
    } catch (error) {
      await this.outbox.release(message.id).catch(() => undefined);
      throw new TransientSendError(`the INBOX could not be read before sending: ${(error as Error).message}`);
    }
    if (!maySend) {
      // A reply (or an out-of-office reply, a bounce) landed just now: the claim is given back
      // and asked again, and now refuses or defers, saying why.
      await this.outbox.release(message.id);
      return this.send(message.enrollmentId, message.stepId, null, resendAttempt);
    }
    let result;
    try {
      result = await this.smtp.send(mailbox.id, settings, mail, { timeoutMs: this.config.mail.smtpTimeoutMs });
    } catch (error) {
      return this.recordFailure(message, error);
    }
    // The server accepted it: it has left, whatever the database says next.
    try {
      await this.outbox.markSent(message.id, result.response);
    } catch (error) {
      // Not `unknown`: the row stays `sending`, and with the copy in Sent the retry records
      // it as sent once no attempt can still be in flight.
      await this.sentCopies.keep(mailbox, message.messageIdHeader, result.raw);
      throw error;
    }
    await this.sentCopies.keep(mailbox, message.messageIdHeader, result.raw);
    return { outcome: 'sent' };
  }

  /** Everything SMTP needs, read and built before anything is spoken to the server. */
  private async prepare(message: Message): Promise<PreparedSend> {
    const mailbox = await this.mailboxes.findById(message.mailboxId);
    if (!mailbox) throw new Error(`mailbox ${message.mailboxId} disappeared`);
    const settings = await this.credentials.smtp(mailbox);
    const mail: OutgoingMail = {
      from: { address: mailbox.email, name: mailbox.displayName || undefined },
      to: { address: message.toAddress },
      subject: message.subject,
      text: message.bodyText,
      // Tracked emails get an HTML alternative with the pixel and tracked links, tokens signed now.
      html: await trackedHtmlFor(message, this.tokens, this.config),
      messageId: message.messageIdHeader,
      inReplyTo: message.inReplyTo ?? undefined,
      references: message.references.length > 0 ? message.references : undefined,
      // Signed at send time for this outbox row: the link unsubscribes this email's recipient.
      headers: await unsubscribeHeadersFor(message.id, this.tokens, this.config),
    };
    return { mailbox, mail, settings };
  }

  private async recordFailure(message: Message, error: unknown): Promise<SendStepResult> {
    if (!(error instanceof MailError)) {
      await this.outbox.markUnknown(message.id, String((error as Error)?.message ?? error));
      throw error;
    }
    if (error.maybeDelivered) {
      await this.outbox.markUnknown(message.id, error.message);
      return { outcome: 'unknown' };
    }
    if (error.permanent) {
      await this.outbox.markFailed(message.id, error.message);
      return { outcome: 'failed', reason: error.message };
    }
    await this.outbox.release(message.id);
    throw new TransientSendError(error.message);
  }
}

/** The campaign's window in the prospect's time zone (else the campaign's); null: any time. */
function sendingWindowOf(context: PaceContext): SendingWindow | null {
  if (!context.sendingWindow) return null;
  return {
    timeZone: effectiveTimeZone(context.prospectTimeZone, context.campaignTimeZone),
    days: context.sendingWindow.days as SendingWindow['days'],
    hours: context.sendingWindow.hours as SendingWindow['hours'],
  };
}
