import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ImapFlow } from 'imapflow';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../../tests/harness/env';
import { appendMessage, readNewMessages } from './imap-reader';
import type { ImapSettings } from './mail-settings';

// Its own folder, so other suites using the same Dovecot user do not interfere.
const FOLDER = `relance-idle-${process.pid}-${Date.now()}`;

function settings(): ImapSettings {
  const user = imapUser(3);
  const { host, port } = testEnv().imap;
  return { host, port, secure: false, username: user.user, password: user.password };
}

const message = (n: number) =>
  `From: p${n}@prospect.test\r\nTo: rep@relance.test\r\nSubject: idle ${n}\r\nMessage-ID: <idle-${n}-${process.pid}@prospect.test>\r\n\r\nhello\r\n`;

async function withFolderClient(work: (client: ImapFlow) => Promise<unknown>) {
  const s = settings();
  const client = new ImapFlow({ host: s.host, port: s.port, secure: false, auth: { user: s.username, pass: s.password }, logger: false });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.logout();
  }
}

describe('waiting for new mail in IMAP IDLE', () => {
  before(() => withFolderClient((client) => client.mailboxCreate(FOLDER)));
  after(() => withFolderClient((client) => client.mailboxDelete(FOLDER)));

  it('returns a message within about a second of its arrival, not at the end of the wait', async () => {
    const start = await readNewMessages(settings(), { uidValidity: null, lastUid: 0 }, { network: LOOPBACK_MAIL, mailbox: FOLDER, timeoutMs: 5_000 });
    const began = Date.now();
    const reading = readNewMessages(settings(), start, { network: LOOPBACK_MAIL, mailbox: FOLDER, timeoutMs: 5_000, waitMs: 20_000 });
    await new Promise((resolve) => setTimeout(resolve, 500));
    const appendedAt = Date.now();
    await appendMessage(settings(), FOLDER, message(1), { network: LOOPBACK_MAIL });
    const result = await reading;
    const latency = Date.now() - appendedAt;
    assert.deepEqual(result.messages.map((m) => m.subject), ['idle 1']);
    assert.ok(latency < 3_000, `woke ${latency} ms after the message landed`);
    assert.ok(Date.now() - began < 10_000, 'did not sit out the whole wait');
  });

  it('returns empty once the wait is over when nothing arrives', async () => {
    const start = await readNewMessages(settings(), { uidValidity: null, lastUid: 0 }, { network: LOOPBACK_MAIL, mailbox: FOLDER, timeoutMs: 5_000 });
    const began = Date.now();
    const result = await readNewMessages(settings(), start, { network: LOOPBACK_MAIL, mailbox: FOLDER, timeoutMs: 5_000, waitMs: 1_000 });
    const took = Date.now() - began;
    assert.deepEqual(result.messages, []);
    assert.equal(result.lastUid, start.lastUid);
    assert.ok(took >= 900 && took < 5_000, `waited ${took} ms`);
  });

  it('stops waiting when aborted', async () => {
    const start = await readNewMessages(settings(), { uidValidity: null, lastUid: 0 }, { network: LOOPBACK_MAIL, mailbox: FOLDER, timeoutMs: 5_000 });
    const controller = new AbortController();
    const began = Date.now();
    setTimeout(() => controller.abort(), 300);
    const result = await readNewMessages(settings(), start, { network: LOOPBACK_MAIL, mailbox: FOLDER, timeoutMs: 5_000, waitMs: 30_000, signal: controller.signal });
    assert.deepEqual(result.messages, []);
    assert.ok(Date.now() - began < 5_000);
  });
});
