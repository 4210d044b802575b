import type { ImapFlow } from 'imapflow';
import type { ImapSettings } from './mail-settings';
import { MailError } from './mail-error';
import { parseInboundMail, type InboundMail } from './inbound-mail';
import type { MailNetworkPolicy } from './connection-target';
import { withImapSession } from './imap-session';

export interface ImapCheckpoint {
  /** UIDVALIDITY as a decimal string: it is a 32-bit unsigned value, past the reach of int columns. */
  uidValidity: string | null;
  lastUid: number;
}

export interface ReadOptions {
  /** Where connections may go (MAIL_PRIVATE_HOSTS). */
  network: MailNetworkPolicy;
  mailbox?: string;
  /** Oldest messages first, at most this many per call (default 100): big mailboxes go in chunks. */
  limit?: number;
  timeoutMs: number;
  /**
   * When nothing is new, wait up to this long in IMAP IDLE for a message to arrive (then read
   * it at once) before returning empty. This is what makes reply detection take a second
   * instead of a polling interval.
   */
  waitMs?: number;
  /** Ends the wait early (worker shutting down). */
  signal?: AbortSignal;
  /** Called every few seconds while waiting, e.g. to heartbeat. */
  onWaiting?: () => void;
  /** With no checkpoint yet, skip what the mailbox already holds and start at its next UID. */
  fromNowOnFirstRead?: boolean;
  /** Bytes of each message fetched (default 1 MiB): headers and text come first, attachments are not needed. */
  maxMessageBytes?: number;
}

export interface ReadResult {
  uidValidity: string;
  lastUid: number;
  messages: InboundMail[];
  /** UIDVALIDITY changed since the checkpoint: old UIDs mean nothing, the mailbox was read from the start. */
  reset: boolean;
}

const DEFAULT_LIMIT = 100;
const DEFAULT_MAX_MESSAGE_BYTES = 1024 * 1024;

/**
 * Reads the messages that arrived after the checkpoint. The mailbox is opened read-only, so
 * nothing the rep sees changes (no message becomes \Seen).
 */
export function readNewMessages(settings: ImapSettings, checkpoint: ImapCheckpoint, opts: ReadOptions): Promise<ReadResult> {
  return withImapSession(settings, { timeoutMs: opts.timeoutMs + (opts.waitMs ?? 0), network: opts.network }, async (client) => {
    const lock = await client.getMailboxLock(opts.mailbox ?? 'INBOX', { readOnly: true });
    try {
      return await readLocked(client, checkpoint, opts);
    } finally {
      lock.release();
    }
  });
}

async function readLocked(client: ImapFlow, checkpoint: ImapCheckpoint, opts: ReadOptions): Promise<ReadResult> {
  const mailbox = client.mailbox;
  if (!mailbox) throw new MailError('imap_failed', 'the mailbox could not be opened');
  const uidValidity = mailbox.uidValidity.toString();
  const reset = checkpoint.uidValidity !== null && checkpoint.uidValidity !== uidValidity;
  // A newly connected mailbox: what it held before cannot answer mail we have not sent yet.
  const firstFromNow = checkpoint.uidValidity === null && opts.fromNowOnFirstRead;
  const after = firstFromNow ? Math.max(0, mailbox.uidNext - 1) : reset ? 0 : checkpoint.lastUid;
  const nothing: ReadResult = { uidValidity, lastUid: after, messages: [], reset };
  // UIDNEXT from SELECT answers the common "anything new?" poll without another round-trip.
  const nothingNew = mailbox.exists === 0 || (mailbox.uidNext > 0 && mailbox.uidNext <= after + 1);
  if (nothingNew && !(opts.waitMs && (await idleUntilNewMail(client, opts.waitMs, opts)))) return nothing;

  const found = await client.search({ uid: `${after + 1}:*` }, { uid: true });
  if (!found) throw new MailError('imap_failed', 'the IMAP server refused to search the mailbox');
  // "N:*" always matches the newest message, even when its UID is below N.
  const uids = found
    .filter((uid) => uid > after)
    .sort((a, b) => a - b)
    .slice(0, opts.limit ?? DEFAULT_LIMIT);
  if (uids.length === 0) return nothing;

  const wanted = new Set(uids);
  const maxLength = opts.maxMessageBytes ?? DEFAULT_MAX_MESSAGE_BYTES;
  const messages: InboundMail[] = [];
  // Chosen UIDs are the oldest above `after`, so the range between them holds no others.
  const range = `${uids[0]}:${uids[uids.length - 1]}`;
  for await (const message of client.fetch(range, { uid: true, source: { maxLength } }, { uid: true })) {
    if (!wanted.has(message.uid) || !message.source) continue;
    messages.push(await parseInboundMail(message.uid, message.source));
  }
  messages.sort((a, b) => a.uid - b.uid);
  // Past every UID looked at, even one whose source could not be fetched: never stall on it.
  const lastUid = uids[uids.length - 1];
  return { uidValidity, lastUid, messages, reset };
}

const WAITING_TICK_MS = 5_000;

/**
 * IDLE on the selected mailbox until the server announces a new message (EXISTS), the wait
 * ends or the signal aborts. Any command ends IDLE, so a NOOP is how we stop waiting.
 */
async function idleUntilNewMail(
  client: ImapFlow,
  waitMs: number,
  opts: Pick<ReadOptions, 'signal' | 'onWaiting'>,
): Promise<boolean> {
  if (opts.signal?.aborted) return false;
  let arrived = false;
  const stop = () => void client.noop().catch(() => undefined);
  const onExists = () => {
    arrived = true;
    stop();
  };
  client.on('exists', onExists);
  const timer = setTimeout(stop, waitMs);
  const ticker = setInterval(() => opts.onWaiting?.(), WAITING_TICK_MS);
  opts.signal?.addEventListener('abort', stop, { once: true });
  try {
    await client.idle();
  } finally {
    clearTimeout(timer);
    clearInterval(ticker);
    client.off('exists', onExists);
    opts.signal?.removeEventListener('abort', stop);
  }
  return arrived;
}

/** Logs in and out, for the mailbox settings form. */
export function verifyImap(settings: ImapSettings, options: { timeoutMs: number; network: MailNetworkPolicy }): Promise<void> {
  return withImapSession(settings, options, async () => undefined);
}

export interface AppendResult {
  uid: number | null;
  uidValidity: string | null;
}

/** Stores a raw message in a folder: tests deliver replies this way, the sender copies to Sent. */
export function appendMessage(
  settings: ImapSettings,
  folder: string,
  raw: Buffer | string,
  opts: { network: MailNetworkPolicy; timeoutMs?: number; flags?: string[] },
): Promise<AppendResult> {
  return withImapSession(settings, { timeoutMs: opts.timeoutMs ?? 30_000, network: opts.network }, async (client) => {
    const result = await client.append(folder, raw, opts.flags);
    if (!result) throw new MailError('imap_failed', 'the IMAP server refused to store the message');
    return { uid: result.uid ?? null, uidValidity: result.uidValidity?.toString() ?? null };
  });
}
