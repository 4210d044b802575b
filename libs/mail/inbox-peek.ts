import type { ImapFlow } from 'imapflow';
import { normaliseEmail } from './email-address';
import { parseInboundMail, type InboundMail } from './inbound-mail';
import { MailError } from './mail-error';
import { parseMessageIdList } from './message-id';

/** Where the mailbox sync has read the INBOX up to, and what a peek looks for after it. */
export interface InboxPeek {
  uidValidity: string;
  /** The sync's checkpoint: only messages after it are looked at. */
  afterUid: number;
  /** The prospect's address: mail from it is about the sequence, whatever its headers say. */
  from: string;
  /** Message-IDs of the thread (our emails to the prospect): mail answering one of them is about it. */
  threadMessageIds: readonly string[];
}

/** Newest messages looked at: a peek is a moment before a send, not a sync. */
const MAX_LOOKED_AT = 50;

/**
 * The INBOX messages that arrived after the sync's checkpoint and come from the prospect or
 * answer the thread, in full; the rest is left to the sync. One STATUS answers the usual case,
 * nothing new, in a single round trip; otherwise only headers are read before the few messages
 * that matter. The INBOX is opened read-only and closed again (nothing becomes \Seen), and a
 * changed UIDVALIDITY is left to the sync, which reads the mailbox again from the start.
 */
export async function peekInbox(client: ImapFlow, peek: InboxPeek): Promise<InboundMail[]> {
  const status = await client.status('INBOX', { uidNext: true, uidValidity: true });
  if (!status) throw new MailError('imap_failed', 'the IMAP server refused the status of the INBOX');
  if (status.uidValidity?.toString() !== peek.uidValidity) return [];
  if (status.uidNext !== undefined && status.uidNext <= peek.afterUid + 1) return [];

  const lock = await client.getMailboxLock('INBOX', { readOnly: true });
  try {
    const relevant = await relevantUids(client, peek);
    const mails: InboundMail[] = [];
    if (relevant.length > 0) {
      for await (const message of client.fetch(relevant.join(','), { uid: true, source: true }, { uid: true })) {
        if (message.source) mails.push(await parseInboundMail(message.uid, message.source));
      }
    }
    if (!(await client.mailboxClose())) throw new MailError('imap_failed', 'the IMAP server refused to close the INBOX');
    return mails.sort((a, b) => a.uid - b.uid);
  } finally {
    lock.release();
  }
}

async function relevantUids(client: ImapFlow, peek: InboxPeek): Promise<number[]> {
  const found = await client.search({ uid: `${peek.afterUid + 1}:*` }, { uid: true });
  if (!found) throw new MailError('imap_failed', 'the IMAP server refused to search the INBOX');
  // "N:*" always matches the newest message, even when its UID is below N.
  const uids = found.filter((uid) => uid > peek.afterUid).sort((a, b) => a - b).slice(-MAX_LOOKED_AT);
  if (uids.length === 0) return [];
  const thread = new Set(peek.threadMessageIds);
  const from = normaliseEmail(peek.from);
  const relevant: number[] = [];
  const fields = { uid: true, envelope: true, headers: ['references'] };
  for await (const message of client.fetch(uids.join(','), fields, { uid: true })) {
    const sender = message.envelope?.from?.find((address) => address.address)?.address;
    const answers = [
      ...parseMessageIdList(message.envelope?.inReplyTo ? [message.envelope.inReplyTo] : []),
      ...parseMessageIdList(referencesOf(message.headers)),
    ];
    if ((sender && normaliseEmail(sender) === from) || answers.some((id) => thread.has(id))) relevant.push(message.uid);
  }
  return relevant;
}

/** The References header's value from a fetched header block. */
function referencesOf(headers: Buffer | undefined): string[] {
  if (!headers) return [];
  const unfolded = headers.toString('latin1').replace(/\r?\n[ \t]+/g, ' ');
  return unfolded.split(/\r?\n/).filter((line) => /^references:/i.test(line)).map((line) => line.slice(line.indexOf(':') + 1));
}
