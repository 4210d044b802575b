import type { ImapFlow } from 'imapflow';
import type { ImapSettings } from './mail-settings';
import { MailError } from './mail-error';
import { withImapSession } from './imap-session';

/** Names servers give the Sent folder when they do not flag it with \Sent (RFC 6154). */
const USUAL_SENT_NAMES = ['Sent', 'Sent Items', 'Sent Messages', 'INBOX.Sent', 'Envoyés', 'Éléments envoyés'];

async function sentFolderOf(client: ImapFlow): Promise<string | null> {
  const folders = await client.list();
  const flagged = folders.find((folder) => folder.specialUse === '\\Sent');
  if (flagged) return flagged.path;
  return folders.find((folder) => USUAL_SENT_NAMES.includes(folder.path))?.path ?? null;
}

/**
 * Whether the mailbox's Sent folder holds a message with this Message-ID. `null` when the
 * mailbox has no Sent folder: then nobody can tell.
 */
export function sentFolderHolds(settings: ImapSettings, messageId: string, timeoutMs: number): Promise<boolean | null> {
  return withImapSession(settings, timeoutMs, async (client) => {
    const folder = await sentFolderOf(client);
    if (!folder) return null;
    const lock = await client.getMailboxLock(folder, { readOnly: true });
    try {
      const found = await client.search({ header: { 'message-id': messageId } }, { uid: true });
      if (!found) throw new MailError('imap_failed', 'the IMAP server refused to search the Sent folder');
      return found.length > 0;
    } finally {
      lock.release();
    }
  });
}

/** Stores a sent message in the Sent folder, as a mail client does. False without a Sent folder. */
export function copyToSent(settings: ImapSettings, raw: Buffer, timeoutMs: number): Promise<boolean> {
  return withImapSession(settings, timeoutMs, async (client) => {
    const folder = await sentFolderOf(client);
    if (!folder) return false;
    const stored = await client.append(folder, raw, ['\\Seen']);
    if (!stored) throw new MailError('imap_failed', 'the IMAP server refused to store the message in Sent');
    return true;
  });
}
