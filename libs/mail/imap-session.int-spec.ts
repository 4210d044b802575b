import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { describe, it } from 'node:test';
import { getFreePort } from '@relance/devservices';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../../tests/harness/env';
import { readNewMessages, verifyImap } from './imap-reader';
import type { ImapSettings } from './mail-settings';
import { mailRejection } from '../../tests/support/mail-rejection';

const TIMEOUT = { timeoutMs: 10_000 } as const;

function settings(overrides: Partial<ImapSettings> = {}): ImapSettings {
  const user = imapUser(2);
  const { host, port } = testEnv().imap;
  return { host, port, secure: false, username: user.user, password: user.password, ...overrides };
}

describe('IMAP failures', () => {
  it('verifyImap() logs in and out', async () => {
    await verifyImap(settings(), { timeoutMs: 10_000, network: LOOPBACK_MAIL });
  });

  it('maps a wrong password to imap_auth_failed without credentials in the message', async () => {
    const error = await mailRejection(verifyImap(settings({ password: 'wrong-Password-77' }), { timeoutMs: 10_000, network: LOOPBACK_MAIL }));
    assert.equal(error.code, 'imap_auth_failed');
    assert.ok(!error.message.includes('wrong-Password-77'));
    assert.ok(!error.message.includes(imapUser(2).user));
  });

  it('gives up within timeoutMs on a server that greets and then says nothing', async () => {
    const sockets: Socket[] = [];
    const mute = createServer((socket) => {
      sockets.push(socket);
      socket.write('* OK IMAP ready\r\n');
    });
    await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
    const { port } = mute.address() as { port: number };
    try {
      const started = Date.now();
      const error = await mailRejection(readNewMessages(settings({ port }), { uidValidity: null, lastUid: 0 }, { network: LOOPBACK_MAIL, timeoutMs: 300 }));
      assert.equal(error.code, 'imap_timeout');
      assert.ok(Date.now() - started < 3_000);
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => mute.close(() => resolve()));
    }
  });

  it('maps a closed port to imap_unreachable naming host:port', async () => {
    const port = await getFreePort();
    const error = await mailRejection(readNewMessages(settings({ port }), { uidValidity: null, lastUid: 0 }, { ...TIMEOUT, network: LOOPBACK_MAIL }));
    assert.equal(error.code, 'imap_unreachable');
    assert.ok(error.message.includes(`127.0.0.1:${port}`), error.message);
  });
});
