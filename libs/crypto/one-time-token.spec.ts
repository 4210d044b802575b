import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hashOneTimeToken, newOneTimeToken, tokenState } from './one-time-token';

describe('one-time tokens', () => {
  it('are random, URL-safe and stored as their SHA-256 only', () => {
    const a = newOneTimeToken();
    const b = newOneTimeToken();
    assert.notEqual(a.token, b.token);
    assert.match(a.token, /^[A-Za-z0-9_-]{43}$/);
    assert.equal(a.tokenHash, hashOneTimeToken(a.token));
    assert.match(a.tokenHash, /^[0-9a-f]{64}$/);
    assert.ok(!a.tokenHash.includes(a.token));
  });

  it('are valid until they expire or are used, whichever comes first', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const later = new Date('2026-12-07T12:00:01Z');
    assert.equal(tokenState({ expiresAt: later, usedAt: null }, now), 'valid');
    assert.equal(tokenState({ expiresAt: now, usedAt: null }, now), 'expired');
    assert.equal(tokenState({ expiresAt: later, usedAt: now }, now), 'used');
    assert.equal(tokenState({ expiresAt: now, usedAt: now }, now), 'used');
  });
});
