import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { afterEach, describe, it } from 'node:test';
import { getFreePort } from '@relance/devservices';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../../tests/harness/env';
import { countInSent, sentMessage } from '../../tests/support/sent-folder-count';
import { TcpRelay } from '../../tests/support/tcp-relay';
import type { ImapSettings } from './mail-settings';
import { MailError } from './mail-error';
import { SentFolderConnections, type SentFolderConnectionsOptions } from './sent-folder-connections';
import { copyToSent } from './sent-folder';

const MAILBOX = 'mailbox-1';
const run = randomUUID().slice(0, 8);
let sequence = 0;

/** A fresh Message-ID, unique across runs on the same Dovecot user. */
const newMessageId = (label: string) => `<${label}-${(sequence += 1)}-${run}@relance.test>`;

function settings(overrides: Partial<ImapSettings> = {}): ImapSettings {
  const user = imapUser(2);
  const { host, port } = testEnv().imap;
  return { host, port, secure: false, username: user.user, password: user.password, ...overrides };
}

/**
 * Sent-folder connections on the real Dovecot. Connections go through a TCP relay, which
 * counts them and plays the server dropping, losing or ignoring them.
 */
describe('SentFolderConnections against Dovecot', () => {
  let connections: SentFolderConnections | undefined;
  const relays: TcpRelay[] = [];

  async function startRelay(): Promise<{ relay: TcpRelay; viaRelay: ImapSettings }> {
    const relay = await TcpRelay.start(testEnv().imap);
    relays.push(relay);
    return { relay, viaRelay: settings({ host: relay.host, port: relay.port }) };
  }

  function newConnections(options: Partial<SentFolderConnectionsOptions> = {}): SentFolderConnections {
    connections = new SentFolderConnections({ timeoutMs: 10_000, network: LOOPBACK_MAIL, ...options });
    return connections;
  }

  async function append(via: ImapSettings, label: string, mailboxId = MAILBOX): Promise<string> {
    const messageId = newMessageId(label);
    assert.equal(await connections!.append(mailboxId, via, sentMessage(messageId, label)), true);
    return messageId;
  }

  afterEach(async () => {
    await connections?.closeAll();
    connections = undefined;
    for (const relay of relays.splice(0)) await relay.stop();
  });

  it('files 40 concurrent appends on one mailbox over a single connection', async (t) => {
    const { relay, viaRelay } = await startRelay();
    const sentFolders = newConnections();
    const ids = Array.from({ length: 40 }, () => newMessageId('reuse'));
    const started = Date.now();
    const stored = await Promise.all(ids.map((id, n) => sentFolders.append(MAILBOX, viaRelay, sentMessage(id, `Reuse ${n}`))));
    t.diagnostic(`40 appends in ${Date.now() - started} ms`);
    assert.deepEqual(new Set(stored), new Set([true]));
    assert.equal(relay.accepted, 1, 'one login for all of them');
    assert.equal(await countInSent(settings(), ids), 40);
  });

  it('holds() finds what append() stored and nothing else, on the same connection', async () => {
    const { relay, viaRelay } = await startRelay();
    const sentFolders = newConnections();
    const stored = await append(viaRelay, 'holds');
    assert.equal(await sentFolders.holds(MAILBOX, viaRelay, stored), true);
    assert.equal(await sentFolders.holds(MAILBOX, viaRelay, newMessageId('never-sent')), false);
    assert.equal(relay.accepted, 1);
  });

  it('holds() sees what another session stored since the last search, as a server filing sent mail does', async () => {
    const { viaRelay } = await startRelay();
    const sentFolders = newConnections();
    const filedByServer = newMessageId('filed-elsewhere');
    assert.equal(await sentFolders.holds(MAILBOX, viaRelay, filedByServer), false);
    assert.equal(await copyToSent(settings(), sentMessage(filedByServer, 'elsewhere'), { timeoutMs: 10_000, network: LOOPBACK_MAIL }), true);
    assert.equal(await sentFolders.holds(MAILBOX, viaRelay, filedByServer), true);
  });

  it('gives each mailbox its own connection', async () => {
    const { relay, viaRelay } = await startRelay();
    newConnections();
    await Promise.all([append(viaRelay, 'first', 'mailbox-a'), append(viaRelay, 'second', 'mailbox-b'), append(viaRelay, 'third', 'mailbox-a')]);
    assert.equal(relay.accepted, 2);
    assert.equal(relay.open, 2);
  });

  it('logs the old connection out and opens a new one when the settings change', async () => {
    const before = await startRelay();
    const after = await startRelay();
    newConnections();
    await append(before.viaRelay, 'old-settings');
    const moved = await append(after.viaRelay, 'new-settings');
    await before.relay.untilAllClosed(2_000);
    assert.equal(after.relay.accepted, 1);
    assert.equal(await countInSent(settings(), [moved]), 1);
  });

  it('logs in again when only the password changed: the connection kept with the old one is not reused', async () => {
    const { relay, viaRelay } = await startRelay();
    newConnections();
    await append(viaRelay, 'before-rotation');
    // The server would keep the logged-in session; the new password (here a wrong one) must be tried.
    const rotated = { ...viaRelay, password: 'rotated-Password-17' };
    await assert.rejects(connections!.append(MAILBOX, rotated, sentMessage(newMessageId('rotated'), 'x')), (error: unknown) => {
      assert.ok(error instanceof MailError);
      assert.equal(error.code, 'imap_auth_failed');
      return true;
    });
    assert.equal(relay.accepted, 2, 'a second connection, for the new password');
  });

  it('opens a new connection after the server dropped the one it had', async () => {
    const { relay, viaRelay } = await startRelay();
    newConnections();
    await append(viaRelay, 'before-drop');
    relay.dropAll();
    await relay.untilAllClosed(2_000);
    const after = await append(viaRelay, 'after-drop');
    assert.equal(relay.accepted, 2);
    assert.equal(await countInSent(settings(), [after]), 1);
  });

  it('finds a connection the server lost without a word with a NOOP, and appends on a fresh one', async () => {
    const { relay, viaRelay } = await startRelay();
    newConnections({ verifyAfterMs: 0 });
    await append(viaRelay, 'before-vanish');
    relay.vanishAll();
    const after = await append(viaRelay, 'after-vanish');
    assert.equal(relay.accepted, 2);
    assert.equal(await countInSent(settings(), [after]), 1);
  });

  it('does not repeat an APPEND that went out on a lost connection: it fails, the next one works', async () => {
    const { relay, viaRelay } = await startRelay();
    const sentFolders = newConnections({ verifyAfterMs: 60_000 });
    await append(viaRelay, 'before-vanish');
    relay.vanishAll();
    const lost = newMessageId('lost');
    await assert.rejects(sentFolders.append(MAILBOX, viaRelay, sentMessage(lost, 'lost')), MailError);
    const after = await append(viaRelay, 'after-failure');
    assert.equal(relay.accepted, 2, 'no second attempt for the failed one');
    assert.equal(await countInSent(settings(), [lost, after]), 1);
  });

  it('gives up after timeoutMs when the server stops answering, then starts over', async () => {
    const { relay, viaRelay } = await startRelay();
    const sentFolders = newConnections({ timeoutMs: 500 });
    await append(viaRelay, 'before-mute');
    relay.muteAll();
    const started = Date.now();
    await assert.rejects(sentFolders.append(MAILBOX, viaRelay, sentMessage(newMessageId('muted'), 'muted')), (error: unknown) => {
      assert.ok(error instanceof MailError);
      assert.equal(error.code, 'imap_timeout');
      return true;
    });
    assert.ok(Date.now() - started < 2_000, `gave up after ${Date.now() - started} ms`);
    await relay.untilAllClosed(1_000);
    await append(viaRelay, 'after-mute');
    assert.equal(relay.accepted, 2);
  });

  it('logs out a connection left unused for idleCloseMs', async () => {
    const { relay, viaRelay } = await startRelay();
    newConnections({ idleCloseMs: 300 });
    await append(viaRelay, 'idle');
    const lastUsed = Date.now();
    assert.equal(relay.open, 1, 'kept while recently used');
    await relay.untilAllClosed(3_000);
    assert.ok(Date.now() - lastUsed >= 250, `closed after ${Date.now() - lastUsed} ms`);
    await append(viaRelay, 'after-idle');
    assert.equal(relay.accepted, 2);
  });

  it('closeAll() logs every connection out', async () => {
    const { relay, viaRelay } = await startRelay();
    const sentFolders = newConnections();
    await Promise.all([append(viaRelay, 'close-a', 'mailbox-a'), append(viaRelay, 'close-b', 'mailbox-b')]);
    assert.equal(relay.open, 2);
    await sentFolders.closeAll();
    await relay.untilAllClosed(1_000);
  });

  it('maps a wrong password to imap_auth_failed, without the password in the message', async () => {
    const sentFolders = newConnections();
    const wrong = settings({ password: 'wrong-Password-91' });
    await assert.rejects(sentFolders.append(MAILBOX, wrong, sentMessage(newMessageId('refused'), 'x')), (error: unknown) => {
      assert.ok(error instanceof MailError);
      assert.equal(error.code, 'imap_auth_failed');
      assert.ok(!error.message.includes('wrong-Password-91'));
      return true;
    });
  });

  it('maps a closed port to imap_unreachable', async () => {
    const sentFolders = newConnections();
    const closed = settings({ port: await getFreePort() });
    await assert.rejects(sentFolders.holds(MAILBOX, closed, newMessageId('unreachable')), (error: unknown) => {
      assert.ok(error instanceof MailError);
      assert.equal(error.code, 'imap_unreachable');
      return true;
    });
  });
});
