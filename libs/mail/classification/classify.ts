import { parse as parseContentType } from 'content-type';
import type { InboundMail } from '../inbound-mail';
import { autoReplyHeaderReason, isOutOfOfficeSubject, ownSubjectPart, type AutoReplyReason } from './auto-reply';
import { bounceReport, reportsFailure } from './bounce-report';
import { bounceFromText, explanation, FAILURE_SUBJECT, inlineOriginalMessageId } from './bounce-text';
import { parseDeliveryStatus, type BounceReport } from './dsn';
import { parseFeedbackReport, type FeedbackReport } from './feedback-report';
import { splitQuoted } from './quoted-text';
import { isLeftCompanyNotice } from './left-company';
import { findReferral, type ReferralColleague } from './referral';
import { findReturnDate } from './return-date';

export type InboundClassification =
  | { kind: 'reply' }
  | { kind: 'auto_reply'; returnDate: Date | null; reason: AutoReplyReason }
  | { kind: 'bounce'; bounce: BounceReport }
  /** An abuse or opt-out report (ARF) from the recipient's provider: they asked not to be mailed. */
  | { kind: 'complaint'; complaint: FeedbackReport }
  /** A colleague answering, in their own words, that the prospect left, and offering someone instead. */
  | { kind: 'referral'; colleague: ReferralColleague };

export interface ClassifyOptions {
  /** Zone of the person who wrote, for the return date (09:00 local). Default UTC. */
  timeZone?: string;
  /** When the mail arrived (IMAP internal date); defaults to its Date header. */
  receivedAt?: Date;
  /** Addresses a referral cannot offer as the colleague: the mailbox's own, the departed prospect's. */
  notColleagues?: readonly string[];
}

/** Local parts and display names of the programs that send bounces. */
const DAEMON_LOCAL_PART = /^(?:mailer-daemon|mailer_daemon|mailerdaemon|mail-daemon|postmaster|microsoftexchange[0-9a-f]{32})$/i;
const DAEMON_NAME = /^(?:mail delivery (?:sub)?system|mail administrator|mailer-daemon|postmaster|microsoft outlook)$/i;
const DSN_REPORT_TYPES = new Set(['delivery-status', 'global-delivery-status']);
const FEEDBACK_REPORT_TYPE = 'feedback-report';

/**
 * What an inbound message is: a bounce (a delivery report about a message we sent), an
 * auto-reply (a program answering for someone, with the date they are back when it says), or a
 * reply from a person. Bounces are recognised first: many carry `Auto-Submitted` too.
 *
 * Decisions: `Precedence: list` (and `bulk` or `X-Auto-Response-Suppress` with a `List-Id`) is
 * not an auto-reply, since a list carries people's own answers; a notice that the address is gone
 * ("no longer with the company") is an auto-reply (`left_company`), not the prospect answering; read receipts and success-only delivery reports are
 * `auto_reply` (a program wrote them, nobody answered) with no return date; the out-of-office
 * subject test reads only what precedes "Re:", our own subject following it; an abuse feedback
 * report (ARF) is a `complaint`; a delivery report, or a message from a mailer daemon, is never a
 * reply: when nothing in it can be read it is a bounce of reason `unknown`, which changes nothing.
 */
export function classifyInbound(mail: InboundMail, options: ClassifyOptions = {}): InboundClassification {
  const contentType = parseContentType(mail.headers['content-type'] ?? '');
  const reportType = contentType.type === 'multipart/report' ? (contentType.parameters['report-type'] ?? '').toLowerCase() : null;
  const failedRecipients = listHeader(mail.headers['x-failed-recipients']);
  const nullSender = /^<\s*>$/.test(mail.headers['return-path']?.trim() ?? '');
  const fromDaemon = isDaemon(mail.from);

  if (reportType === FEEDBACK_REPORT_TYPE || (reportType !== null && mail.feedbackReport !== null)) {
    const complaint = parseFeedbackReport(mail.feedbackReport ?? '', mail.attachedMessageIds[0] ?? null);
    return { kind: 'complaint', complaint };
  }

  const { deliveryStatus } = mail;
  const isDsnReport = reportType !== null && DSN_REPORT_TYPES.has(reportType);
  if (deliveryStatus && (isDsnReport || fromDaemon || nullSender || failedRecipients.length > 0)) {
    const { recipients, originalMessageId: reported } = parseDeliveryStatus(deliveryStatus);
    if (reportsFailure(recipients)) {
      const original = mail.attachedMessageIds[0] ?? reported ?? originalMessageId(mail);
      return { kind: 'bounce', bounce: bounceReport(recipients, original, 'dsn', explanation(mail.text)) };
    }
    if (recipients.length > 0) return { kind: 'auto_reply', returnDate: null, reason: 'delivery_notification' };
  }

  const looksBounced =
    isDsnReport || fromDaemon || failedRecipients.length > 0 || (nullSender && FAILURE_SUBJECT.test(fold(mail.subject)));
  if (looksBounced) {
    const bounce = bounceFromText({
      text: mail.text,
      subject: mail.subject,
      failedRecipients,
      originalMessageId: originalMessageId(mail),
    });
    if (bounce) return { kind: 'bounce', bounce };
  }
  // A daemon's message or a delivery report is no person's answer, even when nothing in it can be
  // read; only a program's own notice that says so (Auto-Submitted: "your quota is 40 %") stays one.
  const programHeader = autoReplyHeaderReason(mail.headers);
  if (looksBounced && (programHeader === null || programHeader === 'null_return_path')) {
    return { kind: 'bounce', bounce: bounceReport([], originalMessageId(mail), 'text') };
  }

  if (reportType === 'disposition-notification') return { kind: 'auto_reply', returnDate: null, reason: 'read_receipt' };
  if (reportType !== null) return { kind: 'auto_reply', returnDate: null, reason: 'report' };

  const reason = autoReplyHeaderReason(mail.headers) ?? (isOutOfOfficeSubject(mail.subject) ? 'subject' : null);
  const own = splitQuoted(mail.text);
  if (!reason) {
    // A person's own words that the prospect left, offering someone to talk to: a referral.
    const colleague = findReferral({ ownText: own.reply, from: mail.from, notColleagues: options.notColleagues });
    if (colleague) return { kind: 'referral', colleague };
  }
  // Without a header or subject saying so, only an unquoting message is a notice: a colleague
  // who hits Reply only to say "Jane is no longer with us" (offering nobody) quotes us and is a reply.
  if (isLeftCompanyNotice(own.reply) && (reason || own.quoted === '')) {
    return { kind: 'auto_reply', returnDate: null, reason: 'left_company' };
  }
  if (reason) return { kind: 'auto_reply', returnDate: returnDate(mail, own.reply, options), reason };
  return { kind: 'reply' };
}

/** Read from what the responder wrote only: the quoted message below it has dates of its own. */
function returnDate(mail: InboundMail, ownText: string, options: ClassifyOptions): Date | null {
  const received = options.receivedAt ?? mail.date;
  if (!received) return null;
  return findReturnDate(`${ownSubjectPart(mail.subject)}\n\n${ownText}`, received, options.timeZone);
}

/** The message a bounce returns: attached whole or by its headers, copied inline, else the one it answers. */
function originalMessageId(mail: InboundMail): string | null {
  return mail.attachedMessageIds[0] ?? inlineOriginalMessageId(mail.text) ?? mail.inReplyTo[0] ?? null;
}

function isDaemon(from: InboundMail['from']): boolean {
  if (!from) return false;
  const at = from.address.lastIndexOf('@');
  const localPart = at < 0 ? from.address : from.address.slice(0, at);
  return DAEMON_LOCAL_PART.test(localPart) || DAEMON_NAME.test(from.name.trim());
}

function listHeader(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((entry) => entry.trim().replace(/^<(.*)>$/, '$1'))
    .filter((entry) => entry !== '');
}

function fold(text: string): string {
  return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}
