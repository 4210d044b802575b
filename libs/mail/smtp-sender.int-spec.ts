import assert from 'node:assert/strict';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { SMTPServer } from 'smtp-server';
import { getFreePort } from '@relance/devservices';
import { LOOPBACK_MAIL } from '../../tests/harness/env';
import { startSmtpCapture, type SmtpCapture } from '../../tests/harness/smtp-capture';
import { MailError } from './mail-error';
import { buildMessageId } from './message-id';
import type { SmtpSettings } from './mail-settings';
import { SmtpSender, type OutgoingMail } from './smtp-sender';
import { mailRejection } from '../../tests/support/mail-rejection';

const PASSWORD = 'smtp-secret-Zx81';

function settingsFor(port: number): SmtpSettings {
  return { host: '127.0.0.1', port, secure: false, username: 'rep1@relance.test', password: PASSWORD };
}

function mail(outboxId: string, overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from: { address: 'rep1@relance.test', name: 'Rep One' },
    to: { address: 'ada@prospect.test', name: 'Ada Prospect' },
    subject: 'Quick question',
    text: 'Hello Ada',
    messageId: buildMessageId(outboxId, 'rep1@relance.test'),
    ...overrides,
  };
}

describe('SmtpSender against smtp-server', () => {
  let capture: SmtpCapture;
  let refusing: SmtpCapture;
  const sender = new SmtpSender({ network: LOOPBACK_MAIL });

  before(async () => {
    capture = await startSmtpCapture();
    refusing = await startSmtpCapture({
      failWith: (envelope) =>
        envelope.to[0]?.startsWith('hard')
          ? { code: 550, message: `5.1.1 <${envelope.to[0]}>: Recipient address rejected` }
          : { code: 451, message: '4.3.0 try again later' },
    });
  });

  after(async () => {
    sender.closeAll();
    await capture.stop();
    await refusing.stop();
  });

  it('sends with the deterministic Message-ID, In-Reply-To and References', async () => {
    const first = buildMessageId('out-1', 'rep1@relance.test');
    const second = buildMessageId('out-2', 'rep1@relance.test');
    const result = await sender.send(
      'mailbox-1',
      settingsFor(capture.port),
      mail('out-3', { inReplyTo: second, references: [first, second], headers: { 'X-Relance-Step': 'step-3' } }),
      { timeoutMs: 5_000 },
    );
    assert.equal(result.messageId, '<relance.out-3@relance.test>');
    assert.equal(result.accepted, true);
    assert.match(result.response, /^250/);

    const received = await capture.waitFor((m) => m.messageId === result.messageId);
    assert.equal(received.inReplyTo, second);
    assert.deepEqual(received.references, [first, second]);
    assert.deepEqual(received.envelope.to, ['ada@prospect.test']);
    assert.equal(received.subject, 'Quick question');
    assert.match(received.raw.toString(), /^X-Relance-Step: step-3$/m);
  });

  it('reuses one pooled connection (smtp-server pauses 100 ms before each greeting)', async () => {
    const settings = settingsFor(capture.port);
    await sender.send('mailbox-pool', settings, mail('pool-warm'), { timeoutMs: 5_000 });
    const started = Date.now();
    for (let i = 0; i < 20; i++) await sender.send('mailbox-pool', settings, mail(`pool-${i}`), { timeoutMs: 5_000 });
    const elapsed = Date.now() - started;
    assert.ok(elapsed < 1_500, `20 sends took ${elapsed} ms: a new connection per message?`);
  });

  it('builds a new transport when the mailbox settings change', async () => {
    const other = await startSmtpCapture();
    try {
      await sender.send('mailbox-moving', settingsFor(capture.port), mail('move-1'), { timeoutMs: 5_000 });
      await sender.send('mailbox-moving', settingsFor(other.port), mail('move-2'), { timeoutMs: 5_000 });
      await other.waitFor((m) => m.messageId === '<relance.move-2@relance.test>', 2_000);
      assert.equal(other.messages.length, 1);
      assert.ok(capture.messages.some((m) => m.messageId === '<relance.move-1@relance.test>'));
    } finally {
      sender.close('mailbox-moving');
      await other.stop();
    }
  });

  it('logs in with a changed password at once: the pool kept with the old one is replaced', async () => {
    const logins: string[] = [];
    const server = new SMTPServer({
      authOptional: false, allowInsecureAuth: true, disabledCommands: ['STARTTLS'], logger: false, closeTimeout: 1_000,
      onAuth: (auth, _session, callback) => {
        logins.push(auth.password ?? '');
        callback(null, { user: auth.username });
      },
      onData: (stream, _session, callback) => stream.on('data', () => undefined).on('end', () => callback()),
    });
    const port = await new Promise<number>((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.server.address() as AddressInfo).port)));
    try {
      await sender.send('mailbox-rotating', settingsFor(port), mail('rotate-1'), { timeoutMs: 5_000 });
      await sender.send('mailbox-rotating', { ...settingsFor(port), password: 'rotated-Secret-2' }, mail('rotate-2'), { timeoutMs: 5_000 });
      assert.deepEqual(logins, [PASSWORD, 'rotated-Secret-2']);
    } finally {
      sender.close('mailbox-rotating');
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('maps a 5xx reply to a permanent smtp_rejected without the address', async () => {
    const error = await mailRejection(
      sender.send('mailbox-refused', settingsFor(refusing.port), mail('hard-1', { to: { address: 'hard@prospect.test' } }), {
        timeoutMs: 5_000,
      }),
    );
    assert.equal(error.code, 'smtp_rejected');
    assert.equal(error.permanent, true);
    assert.equal(error.maybeDelivered, false);
    assert.equal(error.responseCode, 550);
    assert.match(error.response ?? '', /Recipient address rejected/);
    assert.doesNotMatch(`${error.message} ${error.response}`, /hard@prospect/);
  });

  it('maps a 4xx reply to a transient smtp_rejected, and the pool keeps working', async () => {
    const error = await mailRejection(
      sender.send('mailbox-refused', settingsFor(refusing.port), mail('soft-1', { to: { address: 'soft@prospect.test' } }), {
        timeoutMs: 5_000,
      }),
    );
    assert.equal(error.code, 'smtp_rejected');
    assert.equal(error.permanent, false);
    assert.equal(error.responseCode, 451);
    const again = await mailRejection(
      sender.send('mailbox-refused', settingsFor(refusing.port), mail('soft-2', { to: { address: 'soft@prospect.test' } }), {
        timeoutMs: 5_000,
      }),
    );
    assert.equal(again.responseCode, 451);
  });

  it('verify() logs in to a live server', async () => {
    await sender.verify(settingsFor(capture.port), 5_000);
  });

  it('verify() on a closed port fails with smtp_unreachable naming host:port, never the password', async () => {
    const port = await getFreePort();
    const error = await mailRejection(sender.verify(settingsFor(port), 5_000));
    assert.equal(error.code, 'smtp_unreachable');
    assert.ok(error.message.includes(`127.0.0.1:${port}`), error.message);
    assert.ok(!error.message.includes(PASSWORD));
    assert.ok(!error.message.includes('rep1@relance.test'));
  });

  it('send() on a closed port fails with smtp_unreachable and nothing delivered', async () => {
    const port = await getFreePort();
    const error = await mailRejection(sender.send('mailbox-closed', settingsFor(port), mail('closed-1'), { timeoutMs: 5_000 }));
    assert.equal(error.code, 'smtp_unreachable');
    assert.equal(error.maybeDelivered, false);
  });

  it('never resends by itself when the connection drops after the message was transmitted', async () => {
    const dropper = await startDroppingServer();
    try {
      const settings = { ...settingsFor(dropper.port), username: '' };
      const error = await mailRejection(sender.send('mailbox-dropped', settings, mail('dropped-1'), { timeoutMs: 5_000 }));
      assert.equal(error.code, 'smtp_interrupted');
      assert.equal(error.maybeDelivered, true);
      await new Promise((resolve) => setTimeout(resolve, 500)); // room for a requeued attempt to show up
      assert.equal(dropper.received(), 1);
    } finally {
      sender.close('mailbox-dropped');
      await dropper.stop();
    }
  });

  it('a message still waiting for the mailbox connection when its time is up fails as not sent', async () => {
    // 400 ms per message, one connection per mailbox: five messages cannot all go within 1 s.
    const slow = await startSmtpCapture({ onAccept: () => new Promise((resolve) => setTimeout(resolve, 400)) });
    try {
      const ids = [1, 2, 3, 4, 5].map((n) => buildMessageId(`slow-${n}`, 'rep1@relance.test'));
      const outcomes = await Promise.all(
        ids.map((messageId, n) =>
          sender.send('mailbox-slow', settingsFor(slow.port), mail(`slow-${n}`, { messageId }), { timeoutMs: 1_000 }).then(
            () => 'sent',
            (error: MailError) => (error.maybeDelivered ? 'maybe delivered' : error.code),
          ),
        ),
      );
      await new Promise((resolve) => setTimeout(resolve, 500)); // room for a late delivery to show up
      assert.ok(outcomes.includes('smtp_busy'), outcomes.join(', '));
      assert.ok(outcomes.every((o) => o === 'sent' || o === 'smtp_busy'), `only the message in delivery may be in doubt: ${outcomes.join(', ')}`);
      const received = new Set(slow.messages.map((m) => m.messageId));
      ids.forEach((id, n) => assert.equal(received.has(id), outcomes[n] === 'sent', `message ${n + 1}: ${outcomes[n]}`));
    } finally {
      sender.close('mailbox-slow');
      await slow.stop();
    }
  });

  it('gives up on a server that never answers within timeoutMs', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const { port } = silent.address() as { port: number };
    try {
      const started = Date.now();
      const error = await mailRejection(sender.send('mailbox-silent', settingsFor(port), mail('silent-1'), { timeoutMs: 300 }));
      assert.equal(error.code, 'smtp_timeout');
      assert.equal(error.maybeDelivered, true);
      assert.ok(Date.now() - started < 2_000);
    } finally {
      sender.close('mailbox-silent');
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    }
  });
});

/**
 * A minimal SMTP server that reads one message, then closes the connection instead of
 * answering the final dot: the sender cannot know whether the message was accepted.
 */
async function startDroppingServer(): Promise<{ port: number; received: () => number; stop: () => Promise<void> }> {
  let received = 0;
  const sockets: Socket[] = [];
  const server = createServer((socket) => {
    sockets.push(socket);
    let inData = false;
    let buffer = '';
    socket.write('220 dropper ready\r\n');
    socket.on('data', (chunk) => {
      buffer += chunk.toString('latin1');
      if (inData) {
        if (!buffer.includes('\r\n.\r\n')) return;
        received += 1;
        socket.destroy();
        return;
      }
      let end: number;
      while ((end = buffer.indexOf('\r\n')) >= 0) {
        const line = buffer.slice(0, end).toUpperCase();
        buffer = buffer.slice(end + 2);
        if (line.startsWith('EHLO')) socket.write('250 dropper\r\n');
        else if (line.startsWith('DATA')) {
          inData = true;
          socket.write('354 go ahead\r\n');
          return;
        } else if (line.startsWith('QUIT')) socket.end('221 bye\r\n');
        else socket.write('250 ok\r\n');
      }
    });
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  const stop = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return { port, received: () => received, stop };
}
