import { DateTime } from 'luxon';
import { createTransport } from 'nodemailer';
import MailComposer from 'nodemailer/lib/mail-composer';
import type Mail from 'nodemailer/lib/mailer';
import type { CaughtEmail } from '@relance/devservices';
import { DomainError } from '@relance/errors';

export type ReplyKind = 'reply' | 'out_of_office';
export const REPLY_KINDS: readonly ReplyKind[] = ['reply', 'out_of_office'];

/** What a prospect writes when the form is sent without words. */
export const DEFAULT_REPLY_TEXT = 'Thanks for reaching out. Happy to talk: does Thursday at 10:00 work for you?';
/** How far ahead an out-of-office reply's return lies. */
const AWAY_DAYS = 3;
const MAX_TEXT = 10_000;

export interface ProspectReply {
  /** The prospect, who sends it. */
  readonly from: string;
  /** The rep's demo mailbox, which receives it. */
  readonly to: string;
  readonly mail: Mail.Options;
}

/**
 * The email the prospect's mail client would send in answer to `original`: from its recipient
 * to its sender, threaded on it (In-Reply-To, References) with the original quoted, or an
 * out-of-office auto-reply (Auto-Submitted) that names the day the prospect is back, which
 * Relance reads to hold the next email until then. Only an email the demo mailbox sent can be
 * answered: the reply is delivered into that mailbox.
 */
export function composeProspectReply(
  original: CaughtEmail,
  input: { kind: ReplyKind; text?: string },
  demoMailbox: string,
  now: Date,
): ProspectReply {
  const prospect = original.to[0];
  if (!prospect) throw new DomainError('conflict', `email ${original.id} names no recipient to reply as`);
  if (original.from?.address !== demoMailbox) {
    throw new DomainError(
      'conflict',
      `email ${original.id} was not sent from the demo mailbox ${demoMailbox}: a reply could not reach its sender`,
    );
  }
  const thread = original.messageId
    ? { inReplyTo: original.messageId, references: [...original.references, original.messageId] }
    : {};
  const base = { from: prospect, to: demoMailbox, date: now, ...thread };
  if (input.kind === 'out_of_office') {
    const back = DateTime.fromJSDate(now, { zone: 'UTC' }).plus({ days: AWAY_DAYS }).toFormat('cccc d LLLL yyyy');
    return {
      from: prospect,
      to: demoMailbox,
      mail: {
        ...base,
        subject: `Automatic reply: ${original.subject}`,
        headers: { 'Auto-Submitted': 'auto-replied' },
        text: `I am out of the office and back on ${back}, with limited access to email. I will read your message when I return.\n`,
      },
    };
  }
  const text = (input.text ?? '').trim() || DEFAULT_REPLY_TEXT;
  if (text.length > MAX_TEXT) {
    throw DomainError.validation([{ field: 'text', message: `text must be at most ${MAX_TEXT} characters` }]);
  }
  const when = DateTime.fromJSDate(original.receivedAt, { zone: 'UTC' }).toFormat("ccc d LLL yyyy 'at' HH:mm 'UTC'");
  const quoted = original.text.trimEnd().split(/\r?\n/).map((line) => (line ? `> ${line}` : '>')).join('\n');
  return {
    from: prospect,
    to: demoMailbox,
    mail: {
      ...base,
      subject: /^re:/i.test(original.subject) ? original.subject : `Re: ${original.subject}`,
      text: `${text}\n\nOn ${when}, ${demoMailbox} wrote:\n${quoted}\n`,
    },
  };
}

/** The reply as its bytes on the wire (what the mailbox receives, and what tests classify). */
export function renderReply(reply: ProspectReply): Promise<Buffer> {
  return new MailComposer(reply.mail).compile().build();
}

/**
 * Delivers the reply into the demo mailbox's INBOX through Dovecot's LMTP, as the prospect's
 * mail server would; returns its Message-ID.
 */
export async function deliverReply(reply: ProspectReply, lmtp: { host: string; port: number }): Promise<string> {
  const transport = createTransport({ host: lmtp.host, port: lmtp.port, lmtp: true });
  try {
    const sent = await transport.sendMail({ ...reply.mail, envelope: { from: reply.from, to: [reply.to] } });
    return sent.messageId;
  } finally {
    transport.close();
  }
}
