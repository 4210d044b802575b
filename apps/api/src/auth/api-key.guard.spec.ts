import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { API_KEY_PATTERN, hashApiKey } from '@relance/db/repositories/account.repository';
import { bearerToken } from './api-key.guard';

describe('bearerToken', () => {
  it('reads the token of a Bearer header, whatever the scheme\'s case', () => {
    assert.equal(bearerToken('Bearer rl_live_abc'), 'rl_live_abc');
    assert.equal(bearerToken('bearer   rl_live_abc  '), 'rl_live_abc');
  });

  it('finds nothing in a missing, empty or other-scheme header', () => {
    for (const header of [undefined, '', 'Bearer', 'Bearer ', 'Basic abc', 'rl_live_abc']) {
      assert.equal(bearerToken(header), undefined, String(header));
    }
  });
});

describe('API key format', () => {
  it('hashes keys with SHA-256 (hex) and recognises their shape', () => {
    assert.equal(hashApiKey('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    assert.ok(API_KEY_PATTERN.test(`rl_live_${'a'.repeat(32)}`));
    assert.ok(!API_KEY_PATTERN.test(`rl_live_${'a'.repeat(31)}`));
    assert.ok(!API_KEY_PATTERN.test(`rl_test_${'a'.repeat(32)}`));
  });
});
