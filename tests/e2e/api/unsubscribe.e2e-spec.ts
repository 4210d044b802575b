import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { loadConfig } from '@relance/config';
import { TokenSigner } from '@relance/crypto/signed-token';
import { legacyToken } from '../../support/legacy-token';
import { TestApi } from '../../support/test-api';

/**
 * The public unsubscribe routes without a real email (tests/e2e/unsubscribe.e2e-spec.ts
 * follows a real one): what a forged, altered or expired link, or a deleted message, gets.
 */
describe('unsubscribe routes', () => {
  let api: TestApi;
  const keys = loadConfig().tokens.signingKeys;
  const signer = new TokenSigner(keys);
  const DAY = 86_400_000;

  before(async () => {
    api = await TestApi.start();
  });
  after(() => api?.close());

  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const post = (token: string, headers: Record<string, string> = {}) =>
    api.request('POST', `/u/${token}`, { rawBody: 'List-Unsubscribe=One-Click', headers: { ...form, ...headers } });

  it('shows a confirmation form on GET, needing no API key, and keeps the page out of caches and frames', async () => {
    const res = await api.request('GET', `/u/${await signer.sign('unsubscribe', randomUUID(), DAY)}`);
    assert.equal(res.status, 200, res.text);
    assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
    assert.match(res.text, /<form method="post">/);
    assert.match(res.text, /name="List-Unsubscribe" value="One-Click"/);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    assert.equal(res.headers.get('referrer-policy'), 'no-referrer');
    assert.match(res.headers.get('content-security-policy') ?? '', /frame-ancestors 'none'/);
  });

  const bad: [string, () => Promise<string>, string][] = [
    ['a forged token', () => new TokenSigner({ currentId: keys.currentId, keys: new Map([[keys.currentId, Buffer.alloc(32, 7)]]) })
      .sign('unsubscribe', randomUUID(), DAY), 'token_invalid'],
    ['an altered token', async () => {
      const token = await signer.sign('unsubscribe', randomUUID(), DAY);
      return token.slice(0, 10) + (token[10] === 'A' ? 'B' : 'A') + token.slice(11);
    }, 'token_invalid'],
    ['garbage', async () => 'not-a-token', 'token_invalid'],
    ['an expired token', () => new TokenSigner(keys, () => Date.now() - 2 * DAY).sign('unsubscribe', randomUUID(), DAY), 'token_expired'],
    ['an expired link of the format before JWS', async () => legacyToken(keys, 'unsubscribe', randomUUID(), new Date(Date.now() - DAY)), 'token_expired'],
  ];
  for (const [label, token, code] of bad) {
    it(`answers ${label} with 400 ${code}, on GET and on POST, as a page or as JSON`, async () => {
      const value = await token();
      for (const res of [await api.request('GET', `/u/${value}`), await post(value)]) {
        assert.equal(res.status, 400, res.text);
        assert.match(res.headers.get('content-type') ?? '', /^text\/html/);
        assert.ok(res.text.includes(code), res.text);
        assert.ok(!res.text.includes('<form'), 'no button for a bad link');
      }
      const json = await post(value, { accept: 'application/json' });
      assert.equal(json.status, 400);
      assert.equal(json.body.error.code, code);
    });
  }

  it('answers a valid link to a message that no longer exists with 404, changing nothing', async () => {
    const res = await post(await signer.sign('unsubscribe', randomUUID(), DAY));
    assert.equal(res.status, 404, res.text);
    assert.ok(res.text.includes('not_found'));
  });

  it('still accepts a link of the format before JWS (emails already sent)', async () => {
    const token = legacyToken(keys, 'unsubscribe', randomUUID(), new Date(Date.now() + DAY));
    assert.equal((await api.request('GET', `/u/${token}`)).status, 200);
    const res = await post(token);
    assert.equal(res.status, 404, 'accepted, for a message this database does not hold');
  });
});
