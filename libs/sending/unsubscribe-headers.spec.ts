import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import type { AppConfig } from '@relance/config';
import { TokenSigner } from '@relance/crypto/signed-token';
import { unsubscribeHeaders, unsubscribeHeadersFor, unsubscribeUrl } from './unsubscribe-headers';

describe('unsubscribe headers', () => {
  it('point List-Unsubscribe at <public URL>/u/<token> and announce one-click (RFC 8058)', () => {
    assert.deepEqual(unsubscribeHeaders('https://relance.example.com', 'abc.k1.def'), {
      'List-Unsubscribe': '<https://relance.example.com/u/abc.k1.def>',
      'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
    });
  });

  it('keep a path prefix of the public URL and drop its trailing slashes', () => {
    assert.equal(unsubscribeUrl('https://example.com/relance/', 't'), 'https://example.com/relance/u/t');
  });

  it('carry a token for the message that verifies for unsubscribe, valid for the configured time', async () => {
    const ring = { currentId: 'k1', keys: new Map([['k1', randomBytes(32)]]) };
    const now = Date.parse('2026-03-01T00:00:00Z');
    const signer = new TokenSigner(ring, () => now);
    const config = { api: { publicUrl: 'https://r.example' }, tokens: { unsubscribeTtlMs: 86_400_000 } } as AppConfig;
    const headers = await unsubscribeHeadersFor('msg-1', signer, config);
    const token = /\/u\/([^>]+)>$/.exec(headers['List-Unsubscribe'])![1];
    assert.deepEqual(await signer.verify(token, 'unsubscribe'), {
      purpose: 'unsubscribe', subject: 'msg-1', expiresAt: new Date(now + 86_400_000),
    });
  });
});
