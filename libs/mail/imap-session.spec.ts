import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { toImapError } from './imap-session';
import { MailError } from './mail-error';

const SERVER = 'imap.example.net:993';

describe('toImapError', () => {
  it('maps an authentication failure', () => {
    assert.equal(toImapError({ authenticationFailed: true }, SERVER, false).code, 'imap_auth_failed');
  });

  it('does not call a connection limit (RFC 5530 LIMIT) a wrong password', () => {
    const limited = toImapError({ authenticationFailed: true, serverResponseCode: 'LIMIT' }, SERVER, false);
    assert.equal(limited.code, 'imap_failed');
    assert.match(limited.message, /too many connections/);
  });

  it('maps failures before the session started to imap_unreachable, naming host:port', () => {
    const error = toImapError({ code: 'ECONNREFUSED' }, SERVER, false);
    assert.equal(error.code, 'imap_unreachable');
    assert.match(error.message, /imap\.example\.net:993/);
    assert.equal(toImapError({ code: 'EConnectionClosed' }, SERVER, false).code, 'imap_unreachable');
    assert.equal(toImapError({ code: 'GREETING_TIMEOUT' }, SERVER, true).code, 'imap_unreachable');
  });

  it('maps a missing folder', () => {
    assert.equal(toImapError({ mailboxMissing: true }, SERVER, true).code, 'imap_mailbox_missing');
    assert.equal(toImapError({ serverResponseCode: 'TRYCREATE' }, SERVER, true).code, 'imap_mailbox_missing');
  });

  it('maps an inactivity timeout and other failures', () => {
    assert.equal(toImapError({ code: 'ETIMEOUT' }, SERVER, true).code, 'imap_timeout');
    const other = toImapError({ responseText: 'Mailbox is locked by <a.b@example.org>' }, SERVER, true);
    assert.equal(other.code, 'imap_failed');
    assert.doesNotMatch(other.message, /a\.b@example/);
  });

  it('passes MailErrors through', () => {
    const original = new MailError('imap_timeout', 'late');
    assert.equal(toImapError(original, SERVER, true), original);
  });
});
