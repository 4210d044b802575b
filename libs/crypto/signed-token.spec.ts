import assert from 'node:assert/strict';
import { createHmac, randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
import { CompactSign, decodeProtectedHeader, SignJWT, type JWTPayload } from 'jose';
import type { KeyRing } from '@relance/config';
import { TokenError, TokenErrorCode, TokenPurpose, TokenSigner } from './signed-token';

function ring(currentId: string, keys: Record<string, Buffer>): KeyRing {
  return { currentId, keys: new Map(Object.entries(keys)) };
}

const k1 = randomBytes(32);
const k2 = randomBytes(32);
const MESSAGE_ID = '6f1c2a9e-3b4d-4e5f-8a7b-9c0d1e2f3a4b';
const DAY = 86_400_000;
const T0 = Date.parse('2026-01-15T10:00:00Z');

/** Runs verify and returns the code of the TokenError it must reject with. */
async function refusal(signer: TokenSigner, token: string, purpose: TokenPurpose = 'unsubscribe'): Promise<TokenErrorCode> {
  try {
    await signer.verify(token, purpose);
  } catch (error) {
    assert.ok(error instanceof TokenError, `expected a TokenError, got ${String(error)}`);
    return error.code;
  }
  assert.fail(`accepted ${token}`);
}

/** The token with the character at `index` replaced by another of the base64url alphabet. */
function flip(token: string, index: number): string {
  const i = index < 0 ? token.length + index : index;
  const swapped = token[i] === 'A' ? 'B' : 'A';
  return token.slice(0, i) + swapped + token.slice(i + 1);
}

const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

/** A JWS signed with the real key whatever its claims, so that only the claim checks can refuse it. */
function signClaims(claims: JWTPayload, key: Buffer = k1, kid = 'k1'): Promise<string> {
  return new SignJWT(claims).setProtectedHeader({ alg: 'HS256', kid }).sign(key);
}

describe('TokenSigner', () => {
  const signer = new TokenSigner(ring('k1', { k1 }), () => T0);

  it('verifies what it signed and returns the subject and the expiry', async () => {
    const token = await signer.sign('unsubscribe', MESSAGE_ID, 365 * DAY);
    assert.deepEqual(await signer.verify(token, 'unsubscribe'), {
      purpose: 'unsubscribe',
      subject: MESSAGE_ID,
      expiresAt: new Date(T0 + 365 * DAY),
    });
  });

  it('is a compact JWS, HS256 with the key id in its header, URL-safe with no padding', async () => {
    const token = await signer.sign('unsubscribe', MESSAGE_ID, DAY);
    assert.match(token, /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(decodeProtectedHeader(token), { alg: 'HS256', kid: 'k1' });
    assert.ok(token.length < 160, `${token.length} characters`);
    assert.equal(encodeURIComponent(token), token);
  });

  it('gives back every subject as signed: a message id, a click (id:index), anything else', async () => {
    for (const [purpose, subject] of [
      ['unsubscribe', MESSAGE_ID],
      ['click', `${MESSAGE_ID}:12`],
      ['open', 'not-a-uuid.with dots'],
      ['open', MESSAGE_ID.toUpperCase()],
    ] as [TokenPurpose, string][]) {
      const token = await signer.sign(purpose, subject, DAY);
      assert.equal((await signer.verify(token, purpose)).subject, subject);
      if (subject.startsWith(MESSAGE_ID)) assert.ok(token.length < 160, `${purpose}: ${token.length} characters`);
    }
  });

  it('refuses a token past its expiry as token_expired, and accepts it just before', async () => {
    const token = await signer.sign('unsubscribe', MESSAGE_ID, DAY);
    const at = (now: number) => new TokenSigner(ring('k1', { k1 }), () => now);
    assert.equal((await at(T0 + DAY - 1_000).verify(token, 'unsubscribe')).subject, MESSAGE_ID);
    assert.equal(await refusal(at(T0 + DAY), token), 'token_expired');
    assert.equal(await refusal(at(T0 + 400 * DAY), token), 'token_expired');
  });

  it('refuses any altered character, in the header, the claims or the signature', async () => {
    const token = await signer.sign('unsubscribe', MESSAGE_ID, DAY);
    const dots = [token.indexOf('.'), token.lastIndexOf('.')];
    for (const index of [0, 5, dots[0] - 1, dots[0] + 1, dots[1] - 1, dots[1] + 1, dots[1] + 20, -1]) {
      assert.equal(await refusal(signer, flip(token, index)), 'token_invalid', `character ${index}`);
    }
  });

  it('refuses another spelling of the same signature (the spare bits of its last character)', async () => {
    // 32 bytes in 43 characters leave 2 bits unused, which a lenient base64url decoder ignores.
    for (let attempt = 0; attempt < 20; attempt += 1) {
      const token = await signer.sign('unsubscribe', `${MESSAGE_ID}:${attempt}`, DAY);
      const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
      const last = alphabet.indexOf(token.at(-1)!);
      const respelled = `${token.slice(0, -1)}${alphabet[last ^ 1]}`;
      assert.equal(Buffer.from(respelled.split('.')[2], 'base64url').equals(Buffer.from(token.split('.')[2], 'base64url')), true);
      assert.equal(await refusal(signer, respelled), 'token_invalid');
    }
  });

  it('refuses claims re-signed by someone without the key (another subject, a later expiry)', async () => {
    const token = await signer.sign('unsubscribe', MESSAGE_ID, DAY);
    const [header, , signature] = token.split('.');
    for (const claims of [
      { sub: '00000000-0000-4000-8000-000000000000', aud: 'unsubscribe', exp: T0 / 1000 + DAY / 1000 },
      { sub: MESSAGE_ID, aud: 'unsubscribe', exp: T0 / 1000 + 3650 * DAY / 1000 },
    ]) {
      assert.equal(await refusal(signer, `${header}.${base64url(claims)}.${signature}`), 'token_invalid');
    }
  });

  it('reports a forged token as invalid even when its claimed expiry has passed', async () => {
    const token = await new TokenSigner(ring('k1', { k1: randomBytes(32) }), () => T0 - 10 * DAY).sign('unsubscribe', MESSAGE_ID, DAY);
    assert.equal(await refusal(signer, token), 'token_invalid');
  });

  it('refuses a token signed for another purpose', async () => {
    const other = signer as unknown as { sign(purpose: string, subject: string, ttl: number): Promise<string> };
    assert.equal(await refusal(signer, await other.sign('password-reset', MESSAGE_ID, DAY)), 'token_invalid');
  });

  it('keeps unsubscribe, open and click tokens apart: a pixel token cannot unsubscribe anyone', async () => {
    const purposes: TokenPurpose[] = ['unsubscribe', 'open', 'click'];
    for (const signed of purposes) {
      const token = await signer.sign(signed, MESSAGE_ID, DAY);
      for (const asked of purposes) {
        if (asked === signed) assert.equal((await signer.verify(token, asked)).subject, MESSAGE_ID);
        else assert.equal(await refusal(signer, token, asked), 'token_invalid', `${signed} token used for ${asked}`);
      }
    }
  });

  it('refuses an unknown key id, and a known id whose key is not the one that signed', async () => {
    const unknownId = await new TokenSigner(ring('k9', { k9: k1 }), () => T0).sign('unsubscribe', MESSAGE_ID, DAY);
    assert.equal(await refusal(signer, unknownId), 'token_invalid');
    const token = await signer.sign('unsubscribe', MESSAGE_ID, DAY);
    assert.equal(await refusal(new TokenSigner(ring('k1', { k1: k2 }), () => T0), token), 'token_invalid');
  });

  it('refuses another algorithm, "none" included', async () => {
    const claims = { sub: MESSAGE_ID, aud: 'unsubscribe', exp: T0 / 1000 + DAY / 1000 };
    const unsigned = `${base64url({ alg: 'none', kid: 'k1' })}.${base64url(claims)}.`;
    const hs512 = await new SignJWT(claims).setProtectedHeader({ alg: 'HS512', kid: 'k1' }).sign(k1);
    for (const token of [unsigned, hs512]) assert.equal(await refusal(signer, token), 'token_invalid', token);
  });

  it('refuses malformed input without rejecting with anything but a TokenError', async () => {
    const token = await signer.sign('unsubscribe', MESSAGE_ID, DAY);
    const [header, claims, signature] = token.split('.');
    const notJson = Buffer.from('not json').toString('base64url');
    for (const input of [
      '', '.', '..', 'abc', `${header}.${claims}`, `${header}..${signature}`, `.${claims}.${signature}`, `${header}.${claims}.`,
      `${token}=`, `${token}.`, `${header}+.${claims}.${signature}`, `${token}${'A'.repeat(600)}`,
      `${notJson}.${claims}.${signature}`, `${header}.${notJson}.${signature}`, `${base64url([1])}.${claims}.${signature}`,
      undefined as unknown as string, 42 as unknown as string,
    ]) {
      assert.equal(await refusal(signer, input), 'token_invalid', JSON.stringify(input));
    }
  });

  it('rejects well-signed claims of the wrong shape', async () => {
    const exp = T0 / 1000 + 100;
    for (const claims of [
      { sub: '', aud: 'unsubscribe', exp },
      { aud: 'unsubscribe', exp },
      { sub: MESSAGE_ID, aud: 'unsubscribe' },
      { sub: MESSAGE_ID, aud: 'unsubscribe', exp: 'soon' as unknown as number },
      { sub: MESSAGE_ID, exp },
    ]) {
      assert.equal(await refusal(signer, await signClaims(claims)), 'token_invalid', JSON.stringify(claims));
    }
    const notAnObject = await new CompactSign(Buffer.from('null')).setProtectedHeader({ alg: 'HS256', kid: 'k1' }).sign(k1);
    assert.equal(await refusal(signer, notAnObject), 'token_invalid');
  });

  describe('rotation', () => {
    const before = new TokenSigner(ring('k1', { k1 }), () => T0);
    const after = new TokenSigner(ring('k2', { k2, k1 }), () => T0);

    it('signs with the first key of the ring', async () => {
      assert.equal(decodeProtectedHeader(await after.sign('unsubscribe', MESSAGE_ID, DAY)).kid, 'k2');
    });

    it('keeps verifying links signed with an older key still in the ring', async () => {
      const old = await before.sign('unsubscribe', MESSAGE_ID, DAY);
      assert.equal((await after.verify(old, 'unsubscribe')).subject, MESSAGE_ID);
    });

    it('stops verifying them once the old key is dropped', async () => {
      const old = await before.sign('unsubscribe', MESSAGE_ID, DAY);
      assert.equal(await refusal(new TokenSigner(ring('k2', { k2 }), () => T0), old), 'token_invalid');
    });

    it('accepts key ids with dots (allowed in key rings)', async () => {
      const dotted = new TokenSigner(ring('v.2', { 'v.2': k2 }), () => T0);
      const token = await dotted.sign('unsubscribe', MESSAGE_ID, DAY);
      assert.equal((await dotted.verify(token, 'unsubscribe')).subject, MESSAGE_ID);
    });
  });
});

/**
 * Links in emails sent before tokens were JWS: `base64url(JSON {p, s, e}).keyId.base64url(HMAC)`.
 * The three tokens below were signed by the previous TokenSigner at T0 for 365 days, with a key
 * of 32 bytes of 1, and must keep verifying until they expire.
 */
describe('TokenSigner — tokens in emails sent before JWS', () => {
  const legacyKey = Buffer.alloc(32, 1);
  const signer = new TokenSigner(ring('k2', { k2, k1: legacyKey }), () => T0);
  const UNSUBSCRIBE =
    'eyJwIjoidW5zdWJzY3JpYmUiLCJzIjoiNmYxYzJhOWUtM2I0ZC00ZTVmLThhN2ItOWMwZDFlMmYzYTRiIiwiZSI6MTgwMDAwNzIwMH0.k1.R1aFvDhRqFSAFoozo1ll-gRWJIuTPi8RyYYfU_ZklDg';
  const CLICK =
    'eyJwIjoiY2xpY2siLCJzIjoiNmYxYzJhOWUtM2I0ZC00ZTVmLThhN2ItOWMwZDFlMmYzYTRiOjIiLCJlIjoxODAwMDA3MjAwfQ.k1.j1n2jXQ217DSr_ihUB_yVQQKIBydCwNQnFArBKQb400';
  const OPEN_DOTTED_KEY =
    'eyJwIjoib3BlbiIsInMiOiI2ZjFjMmE5ZS0zYjRkLTRlNWYtOGE3Yi05YzBkMWUyZjNhNGIiLCJlIjoxODAwMDA3MjAwfQ.v.2.8K9lhkHpok4x-S-MS1FBUx9-6BIp7oBAJP4J9L2f3R8';
  /** A token in the previous format, MAC'd with `key`: only the checks after the MAC can refuse it. */
  const legacy = (payload: unknown, keyId = 'k1', key = legacyKey) => {
    const body = base64url(payload);
    return `${body}.${keyId}.${createHmac('sha256', key).update(`${body}.${keyId}`).digest('base64url')}`;
  };

  it('verifies them for their purpose, with their subject and expiry', async () => {
    const expiresAt = new Date(T0 + 365 * DAY);
    assert.deepEqual(await signer.verify(UNSUBSCRIBE, 'unsubscribe'), { purpose: 'unsubscribe', subject: MESSAGE_ID, expiresAt });
    assert.deepEqual(await signer.verify(CLICK, 'click'), { purpose: 'click', subject: `${MESSAGE_ID}:2`, expiresAt });
    const dotted = new TokenSigner(ring('k2', { k2, 'v.2': legacyKey }), () => T0);
    assert.deepEqual(await dotted.verify(OPEN_DOTTED_KEY, 'open'), { purpose: 'open', subject: MESSAGE_ID, expiresAt });
  });

  it('refuses them for another purpose, past their expiry, or once their key is dropped', async () => {
    assert.equal(await refusal(signer, UNSUBSCRIBE, 'click'), 'token_invalid');
    assert.equal(await refusal(signer, CLICK, 'unsubscribe'), 'token_invalid');
    assert.equal(await refusal(new TokenSigner(ring('k1', { k1: legacyKey }), () => T0 + 365 * DAY), UNSUBSCRIBE), 'token_expired');
    assert.equal(await refusal(new TokenSigner(ring('k2', { k2 }), () => T0), UNSUBSCRIBE), 'token_invalid');
  });

  it('refuses any altered character, an unknown key id and a payload re-signed without the key', async () => {
    const dots = [UNSUBSCRIBE.indexOf('.'), UNSUBSCRIBE.lastIndexOf('.')];
    for (const index of [0, 5, dots[0] - 1, dots[0] + 1, dots[1] + 1, dots[1] + 20, -1]) {
      assert.equal(await refusal(signer, flip(UNSUBSCRIBE, index)), 'token_invalid', `character ${index}`);
    }
    assert.equal(await refusal(signer, UNSUBSCRIBE.replace('.k1.', '.k9.')), 'token_invalid');
    const [, keyId, signature] = UNSUBSCRIBE.split('.');
    for (const payload of [
      { p: 'unsubscribe', s: '00000000-0000-4000-8000-000000000000', e: T0 / 1000 + 365 * DAY / 1000 },
      { p: 'unsubscribe', s: MESSAGE_ID, e: T0 / 1000 + 3650 * DAY / 1000 },
    ]) {
      assert.equal(await refusal(signer, `${base64url(payload)}.${keyId}.${signature}`), 'token_invalid');
    }
  });

  it('refuses malformed ones and well-MACed payloads of the wrong shape', async () => {
    const [body, , signature] = UNSUBSCRIBE.split('.');
    const wrongShape = base64url({ p: 'unsubscribe', s: 42, e: 'soon' });
    for (const input of [
      `${body}.k1`, `${body}..${signature}`, `${body}.k1.`, `${body}.k1.${signature}=`, `${body}.k1.${signature}.`,
      `${body}+.k1.${signature}`, `${wrongShape}.k1.${signature}`,
    ]) {
      assert.equal(await refusal(signer, input), 'token_invalid', input);
    }
    for (const payload of [{ p: 'unsubscribe', s: '', e: T0 / 1000 + 100 }, { p: 'unsubscribe', s: MESSAGE_ID }, { p: 'unsubscribe', s: MESSAGE_ID, e: 1.5 }, null]) {
      assert.equal(await refusal(signer, legacy(payload)), 'token_invalid', JSON.stringify(payload));
    }
  });
});
