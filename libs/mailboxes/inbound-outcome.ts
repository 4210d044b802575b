import type { InboundOutcome } from '@relance/db/repositories/inbound.repository';
import type { InboundMail } from '@relance/mail/inbound-mail';
import { normalizeMessageId } from '@relance/mail/message-id';
import { candidateMessageIds } from '@relance/mail/reply-matching';
import { splitQuoted, type AutoReplyReason, type BounceRecipient, type BounceReport, type InboundClassification } from '@relance/mail/classification';

/** Machine messages that say nothing about anyone being away: stored, but they hold nothing. */
const NOT_AN_ABSENCE: ReadonlySet<AutoReplyReason> = new Set(['read_receipt', 'delivery_notification', 'report']);

export interface OutcomeContext {
  now: Date;
  /** How long an auto-reply without a return date holds the next email (AUTO_REPLY_PAUSE); 0 holds nothing. */
  defaultPauseMs: number;
  /** When a soft-bounced email goes again, and how many times at most (SOFT_BOUNCE_*). */
  softBounceResend: { afterMs: number; maxResends: number };
  /**
   * A bounce blaming the sender: when its email goes again and how many times at most
   * (SENDER_BOUNCE_*), and how many within which window pause the mailbox (MAILBOX_PAUSE_*).
   */
  senderProblem: { afterMs: number; maxResends: number; pauseAfter: number; pauseWindowMs: number };
}

/**
 * What a classified message means for its sequence. An out-of-office reply holds the next
 * email until the return it names, else for the default pause counted from its arrival; a
 * pause already over holds nothing (a backlog read late). A notice that the person left the
 * company ends the sequences to the address.
 */
export function inboundOutcome(mail: InboundMail, classification: InboundClassification, context: OutcomeContext): InboundOutcome {
  switch (classification.kind) {
    case 'reply':
      return { kind: 'reply' };
    case 'referral':
      // Stored as a reply (it is one, in the stats) that ends the departed prospect's sequences.
      return { kind: 'referral', colleague: classification.colleague };
    case 'auto_reply': {
      const { returnDate, reason } = classification;
      // Nobody is coming back to this address: the sequences to it end instead of pausing.
      if (reason === 'left_company') return { kind: 'auto_reply', returnDate: null, pauseUntil: null, leftCompany: true };
      let pauseUntil: Date | null = null;
      if (NOT_AN_ABSENCE.has(reason)) pauseUntil = null;
      else if (returnDate) pauseUntil = returnDate;
      else if (context.defaultPauseMs > 0) {
        // A Date header from the future (a wrong clock) counts from now.
        const arrived = Math.min(mail.date?.getTime() ?? context.now.getTime(), context.now.getTime());
        pauseUntil = new Date(arrived + context.defaultPauseMs);
      }
      if (pauseUntil && pauseUntil.getTime() <= context.now.getTime()) pauseUntil = null;
      return { kind: 'auto_reply', returnDate, pauseUntil };
    }
    case 'complaint':
      return { kind: 'complaint', feedbackType: classification.complaint.feedbackType };
    case 'bounce':
      return bounceOutcome(classification.bounce, context);
  }
}

/**
 * What a bounce does, by its reason: the recipient gone is suppressed; a temporary failure the
 * remote server gave up on is ours to retry (a delay is still its own); a refusal of the sender
 * is retried later on its own terms and counts against the mailbox; anything else stops nothing.
 */
export function bounceOutcome(report: BounceReport, context: OutcomeContext): InboundOutcome {
  const { verdict } = report;
  const recipient = decisiveRecipient(report);
  const gaveUp = (verdict.action ?? recipient?.action) === 'failed';
  const plan = (policy: { afterMs: number; maxResends: number }) =>
    gaveUp ? { at: new Date(context.now.getTime() + policy.afterMs), maxResends: policy.maxResends } : null;
  const { senderProblem } = context;
  return {
    kind: 'bounce',
    reason: verdict.reason,
    effect: verdict.effect,
    status: verdict.status ?? verdict.rawStatus,
    // Kept apart only when the report's own status said less than the refined one.
    rawStatus: verdict.rawStatus !== null && verdict.rawStatus !== verdict.status ? verdict.rawStatus : null,
    diagnostic: verdict.diagnostic,
    resend: verdict.effect === 'retry' ? plan(context.softBounceResend) : verdict.effect === 'sender_problem' ? plan(senderProblem) : null,
    // A deferral is not a refusal yet: only a server that gave up counts against the mailbox.
    mailboxPause: verdict.effect === 'sender_problem' && gaveUp
      ? { pauseAfter: senderProblem.pauseAfter, windowMs: senderProblem.pauseWindowMs }
      : null,
  };
}

/**
 * The Message-IDs of ours a message may be about, most specific first. A bounce or a complaint
 * names the message it returns in its report or in the copy it attaches; In-Reply-To, which few
 * servers set on a report, comes after.
 */
export function matchingMessageIds(mail: InboundMail, classification: InboundClassification): string[] {
  const threaded = candidateMessageIds(mail);
  const reported = classification.kind === 'bounce' ? classification.bounce.originalMessageId
    : classification.kind === 'complaint' ? classification.complaint.originalMessageId
    : undefined;
  if (reported === undefined) return threaded;
  const ids = new Set<string>();
  for (const raw of [reported, ...mail.attachedMessageIds]) {
    const id = raw ? normalizeMessageId(raw) : null;
    if (id) ids.add(id);
  }
  for (const id of threaded) ids.add(id);
  return [...ids];
}

/** The recipient a bounce is recorded by: the first failure, else a delay. */
export function decisiveRecipient(report: BounceReport): BounceRecipient | null {
  const failed = report.recipients.filter((entry) => entry.action === 'failed');
  return (
    failed[0] ??
    report.recipients.find((entry) => entry.action === 'delayed') ??
    report.recipients[0] ??
    null
  );
}

/**
 * The sender's own words (their signature included: it is what they wrote, and where reps find
 * a phone number) apart from the history their client quoted; quoted is null when there is none.
 */
export function separateQuoted(text: string): { bodyText: string; quotedText: string | null } {
  const { reply, quoted, signature } = splitQuoted(text);
  return {
    bodyText: [reply, signature].filter((part) => part !== '').join('\n\n'),
    quotedText: quoted === '' ? null : quoted,
  };
}
