import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isPermanentReply, toSmtpError } from './smtp-errors';

const SERVER = 'smtp.example.net:587';

describe('toSmtpError', () => {
  it('maps a refused connection to smtp_unreachable naming host:port', () => {
    const error = toSmtpError({ code: 'ESOCKET', originalCode: 'ECONNREFUSED' }, SERVER, 'send', 1000);
    assert.equal(error.code, 'smtp_unreachable');
    assert.match(error.message, /smtp\.example\.net:587/);
    assert.equal(error.maybeDelivered, false);
  });

  it('maps DNS failures and connect timeouts to smtp_unreachable', () => {
    assert.equal(toSmtpError({ code: 'EDNS' }, SERVER, 'send', 1000).code, 'smtp_unreachable');
    const timeout = toSmtpError({ code: 'ETIMEDOUT', timeoutType: 'GREETING_TIMEOUT' }, SERVER, 'send', 1000);
    assert.equal(timeout.code, 'smtp_unreachable');
    assert.equal(timeout.maybeDelivered, false);
  });

  it('maps EAUTH to smtp_auth_failed without the credentials', () => {
    const error = toSmtpError({ code: 'EAUTH', responseCode: 535, response: '535 5.7.8 bad credentials' }, SERVER, 'verify', 1000);
    assert.equal(error.code, 'smtp_auth_failed');
    assert.equal(error.responseCode, 535);
  });

  it('marks 5xx rejections permanent and 4xx ones not', () => {
    const hard = toSmtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 no such user' }, SERVER, 'send', 1000);
    assert.equal(hard.code, 'smtp_rejected');
    assert.equal(hard.permanent, true);
    assert.equal(hard.maybeDelivered, false);
    assert.match(hard.message, /550 5\.1\.1 no such user/);
    const soft = toSmtpError({ code: 'EENVELOPE', responseCode: 451, response: '451 try later' }, SERVER, 'send', 1000);
    assert.equal(soft.code, 'smtp_rejected');
    assert.equal(soft.permanent, false);
  });

  it('prefers the permanent flag nodemailer sets', () => {
    assert.equal(toSmtpError({ code: 'EMESSAGE', responseCode: 554, permanent: false }, SERVER, 'send', 1).permanent, false);
  });

  it('redacts addresses the server quotes', () => {
    const error = toSmtpError(
      { code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 <jane.doe@example.org>: Recipient address rejected' },
      SERVER,
      'send',
      1000,
    );
    assert.doesNotMatch(error.message, /jane\.doe/);
    assert.doesNotMatch(error.response ?? '', /jane\.doe/);
    assert.match(error.response ?? '', /Recipient address rejected/);
  });

  it('flags a send cut mid-way as maybe delivered', () => {
    const lost = toSmtpError({ code: 'ECONNECTION' }, SERVER, 'send', 1000);
    assert.equal(lost.code, 'smtp_interrupted');
    assert.equal(lost.maybeDelivered, true);
    const stalled = toSmtpError({ code: 'ETIMEDOUT', timeoutType: 'SOCKET_TIMEOUT' }, SERVER, 'send', 1000);
    assert.equal(stalled.code, 'smtp_timeout');
    assert.equal(stalled.maybeDelivered, true);
    const aborted = toSmtpError({ code: 'EABORT' }, SERVER, 'send', 1234);
    assert.equal(aborted.code, 'smtp_timeout');
    assert.match(aborted.message, /1234 ms/);
  });

  it('never flags a verify as maybe delivered', () => {
    const error = toSmtpError({ code: 'ECONNECTION' }, SERVER, 'verify', 1000);
    assert.equal(error.maybeDelivered, false);
  });

  it('knows locally refused messages were not sent', () => {
    const error = toSmtpError({ code: 'EENVELOPE', message: 'No recipients defined' }, SERVER, 'send', 1000);
    assert.equal(error.code, 'smtp_failed');
    assert.equal(error.maybeDelivered, false);
  });

  it('survives values that are not errors', () => {
    assert.equal(toSmtpError(undefined, SERVER, 'send', 1).code, 'smtp_interrupted');
    assert.equal(toSmtpError('boom', SERVER, 'verify', 1).code, 'smtp_unreachable');
  });
});

describe('isPermanentReply', () => {
  it('follows RFC 5321 reply classes, 503 excepted', () => {
    assert.equal(isPermanentReply(550), true);
    assert.equal(isPermanentReply(554), true);
    assert.equal(isPermanentReply(503), false);
    assert.equal(isPermanentReply(421), false);
    assert.equal(isPermanentReply(250), false);
  });
});
