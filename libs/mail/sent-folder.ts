import type { ImapFlow } from 'imapflow';
import type { ImapSettings } from './mail-settings';
import { MailError } from './mail-error';
import { withImapSession, type ImapSessionOptions } from './imap-session';

/** Names servers give the Sent folder when they do not flag it with \Sent (RFC 6154). */
const USUAL_SENT_NAMES = ['Sent', 'Sent Items', 'Sent Messages', 'INBOX.Sent', 'Envoyés', 'Éléments envoyés'];

/** The path of the mailbox's Sent folder, or null when it has none. */
export async function findSentFolder(client: ImapFlow): Promise<string | null> {
  const folders = await client.list();
  const flagged = folders.find((folder) => folder.specialUse === '\\Sent');
  if (flagged) return flagged.path;
  return folders.find((folder) => USUAL_SENT_NAMES.includes(folder.path))?.path ?? null;
}

/**
 * Whether `sentFolder` holds a message with this Message-ID; null without a Sent folder.
 * The folder is closed again afterwards: a server may search the view it had when the folder
 * was opened (Dovecot does), missing what another session filed since, such as the copy a
 * server files itself. On a kept connection each search thus opens the folder anew.
 */
export async function searchSentFolder(client: ImapFlow, sentFolder: string | null, messageId: string): Promise<boolean | null> {
  if (sentFolder === null) return null;
  const lock = await client.getMailboxLock(sentFolder, { readOnly: true });
  try {
    const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
    if (!found) throw new MailError('imap_failed', 'the IMAP server refused to search the Sent folder');
    // Opened read-only (EXAMINE), so CLOSE removes nothing.
    if (!(await client.mailboxClose())) throw new MailError('imap_failed', 'the IMAP server refused to close the Sent folder');
    return found.length > 0;
  } finally {
    lock.release();
  }
}

/** Stores a sent message in `sentFolder`, as a mail client does; false without a Sent folder. */
export async function appendToSentFolder(client: ImapFlow, sentFolder: string | null, raw: Buffer): Promise<boolean> {
  if (sentFolder === null) return false;
  const stored = await client.append(sentFolder, raw, ['\\Seen']);
  if (!stored) throw new MailError('imap_failed', 'the IMAP server refused to store the message in Sent');
  return true;
}

/**
 * Whether the mailbox's Sent folder holds a message with this Message-ID, in a session of its
 * own. `null` when the mailbox has no Sent folder: then nobody can tell.
 */
export function sentFolderHolds(settings: ImapSettings, messageId: string, options: ImapSessionOptions): Promise<boolean | null> {
  return withImapSession(settings, options, async (client) => searchSentFolder(client, await findSentFolder(client), messageId));
}

/** Stores a sent message in the Sent folder, in a session of its own. False without a Sent folder. */
export function copyToSent(settings: ImapSettings, raw: Buffer, options: ImapSessionOptions): Promise<boolean> {
  return withImapSession(settings, options, async (client) => appendToSentFolder(client, await findSentFolder(client), raw));
}
