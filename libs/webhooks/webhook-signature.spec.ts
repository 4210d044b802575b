import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { newWebhookSecret, secretKey, signWebhook } from './webhook-signature';

describe('webhook signatures (Standard Webhooks)', () => {
  it('makes whsec_ secrets of 24 random bytes', () => {
    const secret = newWebhookSecret();
    assert.match(secret, /^whsec_[A-Za-z0-9+/]{32}$/);
    assert.equal(secretKey(secret).length, 24);
    assert.notEqual(newWebhookSecret(), secret);
  });

  it('signs "id.timestamp.body" with the decoded key, as the specification\'s example does', () => {
    // The example of the Standard Webhooks specification (its README), checked against its published signature.
    const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
    const body = '{"test": 2432232314}';
    const headers = signWebhook(secret, 'msg_p5jXN8AQM9LWM0D4loKWxJek', new Date(1614265330_000), body);
    assert.deepEqual(headers, {
      'webhook-id': 'msg_p5jXN8AQM9LWM0D4loKWxJek',
      'webhook-timestamp': '1614265330',
      'webhook-signature': 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
    });
  });

  it('changes with the body, the id and the time', () => {
    const secret = newWebhookSecret();
    const at = new Date();
    const base = signWebhook(secret, 'a', at, '{}')['webhook-signature'];
    assert.notEqual(signWebhook(secret, 'a', at, '{ }')['webhook-signature'], base);
    assert.notEqual(signWebhook(secret, 'b', at, '{}')['webhook-signature'], base);
    assert.notEqual(signWebhook(secret, 'a', new Date(at.getTime() + 1000), '{}')['webhook-signature'], base);
    const expected = createHmac('sha256', secretKey(secret)).update(`a.${Math.floor(at.getTime() / 1000)}.{}`).digest('base64');
    assert.equal(base, `v1,${expected}`);
  });

  it('refuses a secret without its prefix', () => {
    assert.throws(() => secretKey('MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'), /starts with whsec_/);
  });
});
