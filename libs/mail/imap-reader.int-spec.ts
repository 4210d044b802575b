import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ImapFlow } from 'imapflow';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../../tests/harness/env';
import { appendMessage, readNewMessages } from './imap-reader';
import type { ImapSettings } from './mail-settings';
import { buildMessageId } from './message-id';
import { candidateMessageIds } from './reply-matching';
import { mailRejection } from '../../tests/support/mail-rejection';

// Each run works in its own folder, so other suites using the same Dovecot user do not interfere.
const FOLDER = `relance-reader-${process.pid}-${Date.now()}`;
const TIMEOUT = { timeoutMs: 10_000 } as const;

function settings(overrides: Partial<ImapSettings> = {}): ImapSettings {
  const user = imapUser(2);
  const { host, port } = testEnv().imap;
  return { host, port, secure: false, username: user.user, password: user.password, ...overrides };
}

function reply(n: number): string {
  return [
    `From: "Prospect ${n}" <prospect${n}@prospect.test>`,
    `To: ${imapUser(2).user}`,
    `Subject: Re: question ${n}`,
    `Message-ID: <reply-${n}@Prospect.test>`,
    `In-Reply-To: ${buildMessageId(`out-${n}`, 'rep2@relance.test')}`,
    `References: <thread-start@relance.test>\r\n ${buildMessageId(`out-${n}`, 'rep2@relance.test')}`,
    'Date: Thu, 27 Nov 2025 10:00:00 +0000',
    '',
    `Answer number ${n}`,
    '',
  ].join('\r\n');
}

async function withClient<T>(work: (client: ImapFlow) => Promise<T>): Promise<T> {
  const s = settings();
  const client = new ImapFlow({ host: s.host, port: s.port, secure: false, auth: { user: s.username, pass: s.password }, logger: false });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.logout();
  }
}

describe('readNewMessages against Dovecot', () => {
  const read = (checkpoint: { uidValidity: string | null; lastUid: number }, limit?: number) =>
    readNewMessages(settings(), checkpoint, { network: LOOPBACK_MAIL, mailbox: FOLDER, limit, ...TIMEOUT });

  before(() => withClient((client) => client.mailboxCreate(FOLDER)));
  after(() => withClient((client) => client.mailboxDelete(FOLDER)));

  let checkpoint = { uidValidity: null as string | null, lastUid: 0 };

  it('reads the appended messages from an empty checkpoint, oldest first', async () => {
    for (const n of [1, 2, 3]) await appendMessage(settings(), FOLDER, reply(n), { network: LOOPBACK_MAIL });
    const result = await read({ uidValidity: null, lastUid: 0 });
    assert.equal(result.reset, false);
    assert.match(result.uidValidity, /^\d+$/);
    assert.deepEqual(
      result.messages.map((m) => m.subject),
      ['Re: question 1', 'Re: question 2', 'Re: question 3'],
    );
    const [first] = result.messages;
    assert.equal(first.messageId, '<reply-1@prospect.test>');
    assert.deepEqual(first.from, { address: 'prospect1@prospect.test', name: 'Prospect 1' });
    assert.deepEqual(candidateMessageIds(first), ['<relance.out-1@relance.test>', '<thread-start@relance.test>']);
    assert.equal(first.text.trim(), 'Answer number 1');
    assert.equal(result.lastUid, result.messages[2].uid);
    checkpoint = { uidValidity: result.uidValidity, lastUid: result.lastUid };
  });

  it('finds nothing new when read again from the returned checkpoint', async () => {
    const result = await read(checkpoint);
    assert.deepEqual(result.messages, []);
    assert.equal(result.lastUid, checkpoint.lastUid);
    assert.equal(result.reset, false);
  });

  it('returns exactly the one message appended since', async () => {
    const appended = await appendMessage(settings(), FOLDER, reply(4), { network: LOOPBACK_MAIL });
    const result = await read(checkpoint);
    assert.deepEqual(result.messages.map((m) => m.subject), ['Re: question 4']);
    assert.equal(result.lastUid, appended.uid);
    assert.equal(result.uidValidity, appended.uidValidity);
    checkpoint = { uidValidity: result.uidValidity, lastUid: result.lastUid };
  });

  it('skips the newest message that UID FETCH N:* returns when nothing is newer', async () => {
    // An expunged newest message leaves UIDNEXT above lastUid + 1, so the server is asked.
    const extra = await appendMessage(settings(), FOLDER, reply(99), { network: LOOPBACK_MAIL });
    await withClient(async (client) => {
      const lock = await client.getMailboxLock(FOLDER);
      try {
        await client.messageDelete(String(extra.uid), { uid: true });
      } finally {
        lock.release();
      }
    });
    const result = await read(checkpoint);
    assert.deepEqual(result.messages, []);
    assert.equal(result.lastUid, checkpoint.lastUid);
  });

  it('reads a big backlog in chunks of `limit`, oldest first', async () => {
    const start = { uidValidity: checkpoint.uidValidity, lastUid: 0 };
    const chunk1 = await read(start, 3);
    const chunk2 = await read({ uidValidity: chunk1.uidValidity, lastUid: chunk1.lastUid }, 3);
    assert.deepEqual(chunk1.messages.map((m) => m.subject), ['Re: question 1', 'Re: question 2', 'Re: question 3']);
    assert.deepEqual(chunk2.messages.map((m) => m.subject), ['Re: question 4']);
    assert.equal(chunk2.lastUid, checkpoint.lastUid);
  });

  it('starts over with reset=true when UIDVALIDITY differs from the checkpoint', async () => {
    const result = await read({ uidValidity: '1', lastUid: checkpoint.lastUid });
    assert.equal(result.reset, true);
    assert.equal(result.uidValidity, checkpoint.uidValidity);
    assert.equal(result.messages.length, 4);
  });

  it('opens the mailbox read-only: nothing becomes \\Seen', async () => {
    const flags = await withClient(async (client) => {
      const lock = await client.getMailboxLock(FOLDER);
      try {
        return (await client.fetchAll('1:*', { flags: true })).map((m) => [...(m.flags ?? [])]);
      } finally {
        lock.release();
      }
    });
    assert.equal(flags.length, 4);
    assert.ok(flags.every((list) => !list.includes('\\Seen')), JSON.stringify(flags));
  });

  it('notices a folder recreated by the server (new UIDVALIDITY)', async () => {
    const folder = `${FOLDER}-recreated`;
    await withClient((client) => client.mailboxCreate(folder));
    await appendMessage(settings(), folder, reply(5), { network: LOOPBACK_MAIL });
    const before = await readNewMessages(settings(), { uidValidity: null, lastUid: 0 }, { network: LOOPBACK_MAIL, mailbox: folder, ...TIMEOUT });
    await withClient(async (client) => {
      await client.mailboxDelete(folder);
      await client.mailboxCreate(folder);
    });
    await appendMessage(settings(), folder, reply(6), { network: LOOPBACK_MAIL });
    const after = await readNewMessages(settings(), before, { network: LOOPBACK_MAIL, mailbox: folder, ...TIMEOUT });
    await withClient((client) => client.mailboxDelete(folder));
    assert.notEqual(after.uidValidity, before.uidValidity);
    assert.equal(after.reset, true);
    assert.deepEqual(after.messages.map((m) => m.subject), ['Re: question 6']);
  });

  it('reports a missing folder as imap_mailbox_missing', async () => {
    const absent = { mailbox: `${FOLDER}-absent`, ...TIMEOUT };
    const error = await mailRejection(readNewMessages(settings(), { uidValidity: null, lastUid: 0 }, { ...absent, network: LOOPBACK_MAIL }));
    assert.equal(error.code, 'imap_mailbox_missing');
  });
});
