import { withImapSession } from '@relance/mail/imap-session';
import type { ImapSettings } from '@relance/mail';
import { LOOPBACK_MAIL } from '../harness/env';

/**
 * How many of these Message-IDs the Sent folder holds, read in a session of its own so the
 * answer does not depend on the code under test. One FETCH of every envelope: the Sent
 * folders of test users hold a few hundred messages at most.
 */
export async function countInSent(settings: ImapSettings, messageIds: readonly string[]): Promise<number> {
  const wanted = new Set(messageIds);
  return withImapSession(settings, { timeoutMs: 10_000, network: LOOPBACK_MAIL }, async (client) => {
    const lock = await client.getMailboxLock('Sent', { readOnly: true });
    try {
      const found = new Set<string>();
      if (client.mailbox && client.mailbox.exists > 0) {
        for await (const message of client.fetch('1:*', { envelope: true })) {
          const id = message.envelope?.messageId;
          if (id && wanted.has(id)) found.add(id);
        }
      }
      return found.size;
    } finally {
      lock.release();
    }
  });
}

/** A small message with a known Message-ID, as Relance files it after a send. */
export function sentMessage(messageId: string, subject: string): Buffer {
  return Buffer.from(
    [
      'From: Rep <rep@relance.test>',
      'To: Prospect <prospect@prospects.test>',
      `Subject: ${subject}`,
      `Message-ID: ${messageId}`,
      `Date: ${new Date().toUTCString()}`,
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Hello',
      '',
    ].join('\r\n'),
  );
}
