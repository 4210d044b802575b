import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ImapFlow } from 'imapflow';
import { createTransport } from 'nodemailer';
import { locateDovecot, startDovecot, type DovecotServer } from './dovecot';

const user = { user: 'rep@demo.relance.test', password: 'demo-pass' };

async function inboxState(server: DovecotServer): Promise<{ uidValidity: string; subjects: string[] }> {
  const imap = new ImapFlow({
    host: server.host, port: server.imapPort, secure: false, auth: { user: user.user, pass: user.password }, logger: false,
  });
  await imap.connect();
  try {
    const mailbox = await imap.mailboxOpen('INBOX');
    const subjects: string[] = [];
    if (mailbox.exists > 0) {
      for await (const message of imap.fetch('1:*', { envelope: true })) subjects.push(message.envelope?.subject ?? '');
    }
    return { uidValidity: String(mailbox.uidValidity), subjects };
  } finally {
    await imap.logout();
  }
}

describe('private Dovecot', () => {
  const dir = mkdtempSync(join(tmpdir(), 'relance-dovecot-data-'));
  chmodSync(dir, 0o755); // Dovecot's mail processes run as "mail" and must enter it
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps a persistent mail folder across restarts: same messages, same UIDVALIDITY', async () => {
    const mailRoot = join(dir, 'mail');
    const first = await startDovecot({ users: [user], mailRoot });
    let before;
    try {
      const lmtp = createTransport({ host: first.host, port: first.lmtpPort, lmtp: true });
      await lmtp.sendMail({ from: 'ada@prospect.example', to: user.user, subject: 'Kept', text: 'Still here after a restart' });
      before = await inboxState(first);
      assert.deepEqual(before.subjects, ['Kept']);
    } finally {
      await first.stop();
    }
    const second = await startDovecot({ users: [user], mailRoot });
    try {
      assert.deepEqual(await inboxState(second), before);
    } finally {
      await second.stop();
    }
  });

  it('never falls back from an explicit binary that does not run, and says which', async () => {
    const missing = join(dir, 'no-such-dovecot');
    assert.equal(locateDovecot(missing), undefined);
    assert.ok(locateDovecot(), 'Dovecot is installed on the machines the tests run on');
    await assert.rejects(startDovecot({ users: [user], binary: missing }), new RegExp(`${missing} does not run \\(DOVECOT_PATH\\)`));
  });
});
