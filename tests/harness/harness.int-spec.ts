import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Connection } from '@temporalio/client';
import { ImapFlow } from 'imapflow';
import { simpleParser } from 'mailparser';
import { createTransport } from 'nodemailer';
import { Client } from 'pg';
import { imapUser, testEnv } from './env';
import { startSmtpCapture, type SmtpCapture } from './smtp-capture';

/** Proves each service the runner starts is real and reachable, before suites rely on it. */

function imapClient(user: { user: string; password: string }): ImapFlow {
  const { host, port } = testEnv().imap;
  return new ImapFlow({ host, port, secure: false, auth: { user: user.user, pass: user.password }, logger: false });
}

function rawMessage(to: string, messageId: string): string {
  return [
    'From: Ada Prospect <ada@prospect.test>',
    `To: ${to}`,
    'Subject: Re: quick question',
    `Message-ID: ${messageId}`,
    'In-Reply-To: <step-1@relance.test>',
    'Date: Thu, 27 Nov 2025 10:00:00 +0000',
    '',
    'Sounds good, call me.',
    '',
  ].join('\r\n');
}

describe('PostgreSQL', () => {
  it('DATABASE_URL is a fresh database with the migrations applied', async () => {
    const client = new Client({ connectionString: testEnv().databaseUrl });
    await client.connect();
    try {
      const { rows } = await client.query('select 1 as one, current_database() as name');
      assert.equal(rows[0].one, 1);
      assert.match(rows[0].name, /^relance_test_\d+_\d+$/);
      const applied = await client.query('select count(*)::int as n from schema_migrations');
      assert.ok(applied.rows[0].n >= 1, 'no migration recorded');
    } finally {
      await client.end();
    }
  });
});

describe('Dovecot', () => {
  it('lets rep1 append to INBOX and read the message back by UID', async () => {
    const imap = imapClient(imapUser(1));
    await imap.connect();
    try {
      const messageId = `<harness-${Date.now()}@prospect.test>`;
      const appended = await imap.append('INBOX', rawMessage(imapUser(1).user, messageId), ['\\Seen']);
      assert.ok(appended && appended.uid, 'APPEND returned no UID (UIDPLUS)');
      const lock = await imap.getMailboxLock('INBOX');
      try {
        const fetched = await imap.fetchOne(String(appended.uid), { uid: true, source: true }, { uid: true });
        assert.ok(fetched && fetched.source, 'message not found by UID');
        const parsed = await simpleParser(fetched.source);
        assert.equal(parsed.messageId, messageId);
        assert.equal(parsed.inReplyTo, '<step-1@relance.test>');
      } finally {
        lock.release();
      }
    } finally {
      await imap.logout();
    }
  });

  it('has a Sent folder flagged \\Sent', async () => {
    const imap = imapClient(imapUser(1));
    await imap.connect();
    try {
      const sent = (await imap.list()).find((mailbox) => mailbox.specialUse === '\\Sent');
      assert.equal(sent?.path, 'Sent');
    } finally {
      await imap.logout();
    }
  });

  it('refuses a wrong password', async () => {
    const imap = imapClient({ user: imapUser(1).user, password: 'wrong' });
    await assert.rejects(imap.connect());
  });

  it('delivers over LMTP into the recipient INBOX', async () => {
    const { host, lmtpPort } = testEnv().imap;
    const lmtp = createTransport({ host, port: lmtpPort, lmtp: true });
    const to = imapUser(2).user;
    // Unique id: other suites share this Dovecot and may deliver to rep2 too.
    const messageId = `<lmtp-${Date.now()}@prospect.test>`;
    await lmtp.sendMail({ envelope: { from: 'ada@prospect.test', to }, raw: rawMessage(to, messageId) });
    const imap = imapClient(imapUser(2));
    await imap.connect();
    const lock = await imap.getMailboxLock('INBOX');
    try {
      const uids = await imap.search({ header: { 'message-id': messageId } }, { uid: true });
      assert.equal(uids && uids.length, 1);
    } finally {
      lock.release();
      await imap.logout();
    }
  });
});

describe('SMTP capture', () => {
  let capture: SmtpCapture;
  before(async () => {
    capture = await startSmtpCapture({
      failWith: (envelope) =>
        envelope.to.includes('gone@prospect.test') ? { code: 550, message: 'No such user' } : undefined,
    });
  });
  after(() => capture.stop());

  it('records a nodemailer message with its threading headers', async () => {
    const transport = createTransport({ host: capture.host, port: capture.port, secure: false, auth: { user: 'rep', pass: 'x' } });
    await transport.sendMail({
      from: 'rep1@relance.test',
      to: 'ada@prospect.test',
      subject: 'Re: following up',
      text: 'Second step',
      messageId: '<step-2@relance.test>',
      inReplyTo: '<step-1@relance.test>',
      references: ['<step-0@relance.test>', '<step-1@relance.test>'],
    });
    const message = await capture.waitFor((m) => m.messageId === '<step-2@relance.test>', 5_000);
    assert.equal(message.envelope.from, 'rep1@relance.test');
    assert.deepEqual(message.envelope.to, ['ada@prospect.test']);
    assert.deepEqual(message.to, ['ada@prospect.test']);
    assert.equal(message.inReplyTo, '<step-1@relance.test>');
    assert.deepEqual(message.references, ['<step-0@relance.test>', '<step-1@relance.test>']);
    assert.equal(message.subject, 'Re: following up');
    assert.equal(message.text?.trim(), 'Second step');
  });

  it('refuses the messages failWith picks, with its code', async () => {
    const transport = createTransport({ host: capture.host, port: capture.port, secure: false });
    await assert.rejects(
      transport.sendMail({ from: 'rep1@relance.test', to: 'gone@prospect.test', subject: 'x', text: 'x' }),
      (error: { responseCode?: number }) => error.responseCode === 550,
    );
    assert.equal(capture.messages.filter((m) => m.envelope.to.includes('gone@prospect.test')).length, 0);
  });
});

describe('Temporal', () => {
  it('TEMPORAL_ADDRESS serves the namespace', async () => {
    const connection = await Connection.connect({ address: testEnv().temporalAddress });
    try {
      const { namespaceInfo } = await connection.workflowService.describeNamespace({
        namespace: testEnv().temporalNamespace,
      });
      assert.equal(namespaceInfo?.name, testEnv().temporalNamespace);
    } finally {
      await connection.close();
    }
  });
});
