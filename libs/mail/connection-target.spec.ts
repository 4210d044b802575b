import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { connectionTarget, PrivateHostError, type HostLookup } from './connection-target';
import { MailError } from './mail-error';

const answering = (addresses: string[]): HostLookup => async () => addresses;
const server = { host: 'mail.rep.test', port: 587 };

async function refusal(promise: Promise<unknown>): Promise<MailError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MailError, `expected a MailError, got ${String(error)}`);
    return error;
  }
  assert.fail('expected a refusal');
}

describe('connectionTarget', () => {
  it('connects to the address the name resolved to, keeping the name for TLS', async () => {
    const target = await connectionTarget('smtp', server, { allowPrivateHosts: false, lookup: answering(['198.51.100.7', '2001:db8::7']) });
    assert.deepEqual(target, { address: '198.51.100.7', addresses: ['198.51.100.7', '2001:db8::7'], servername: 'mail.rep.test' });
  });

  it('takes an IP literal as it is, without SNI', async () => {
    const target = await connectionTarget('imap', { host: '198.51.100.7', port: 993 }, { allowPrivateHosts: false });
    assert.deepEqual(target, { address: '198.51.100.7', addresses: ['198.51.100.7'], servername: undefined });
  });

  it('with private hosts denied, refuses a name when any of its addresses is private, naming host and address', async () => {
    for (const answer of [['127.0.0.1'], ['198.51.100.7', '10.0.0.8'], ['::ffff:169.254.169.254'], ['::1'], ['100.64.1.1'], ['fd00::5']]) {
      const error = await refusal(connectionTarget('smtp', server, { allowPrivateHosts: false, lookup: answering(answer) }));
      assert.ok(error instanceof PrivateHostError, answer.join());
      assert.equal(error.code, 'smtp_host_private');
      assert.equal(error.permanent, true, 'never retried');
      assert.equal(error.message, `SMTP server mail.rep.test:587 resolves to ${answer.find((a) => a !== '198.51.100.7')}, on this machine or a private network, where this server does not connect (its operator can allow it with MAIL_PRIVATE_HOSTS=allow)`);
    }
  });

  it('refuses a private IP literal as imap_host_private', async () => {
    const error = await refusal(connectionTarget('imap', { host: '192.168.1.20', port: 143 }, { allowPrivateHosts: false }));
    assert.equal(error.code, 'imap_host_private');
    assert.match(error.message, /^IMAP server 192\.168\.1\.20:143 is on this machine or a private network/);
  });

  it('with private hosts allowed, connects to a private address', async () => {
    const target = await connectionTarget('imap', server, { allowPrivateHosts: true, lookup: answering(['127.0.0.1']) });
    assert.equal(target.address, '127.0.0.1');
  });

  it('reports a name that does not resolve as unreachable (retried later), naming host:port', async () => {
    const missing: HostLookup = async () => {
      throw Object.assign(new Error('getaddrinfo ENOTFOUND mail.rep.test'), { code: 'ENOTFOUND' });
    };
    const error = await refusal(connectionTarget('imap', server, { allowPrivateHosts: false, lookup: missing }));
    assert.deepEqual([error.code, error.permanent, error.message], ['imap_unreachable', false, 'cannot connect to IMAP server mail.rep.test:587 (ENOTFOUND)']);
    const empty = await refusal(connectionTarget('smtp', server, { allowPrivateHosts: true, lookup: answering([]) }));
    assert.equal(empty.code, 'smtp_unreachable');
  });

  it('uses the system resolver by default: localhost is this machine', async () => {
    const error = await refusal(connectionTarget('smtp', { host: 'localhost', port: 25 }, { allowPrivateHosts: false }));
    assert.equal(error.code, 'smtp_host_private');
  });
});
