import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, it } from 'node:test';
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

/** Runs verify and returns the code of the TokenError it must throw. */
function refusal(signer: TokenSigner, token: string, purpose: TokenPurpose = 'unsubscribe'): TokenErrorCode {
  try {
    signer.verify(token, purpose);
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

describe('TokenSigner', () => {
  const signer = new TokenSigner(ring('k1', { k1 }), () => T0);

  it('verifies what it signed and returns the subject and the expiry', () => {
    const token = signer.sign('unsubscribe', MESSAGE_ID, 365 * DAY);
    assert.deepEqual(signer.verify(token, 'unsubscribe'), {
      purpose: 'unsubscribe',
      subject: MESSAGE_ID,
      expiresAt: new Date(T0 + 365 * DAY),
    });
  });

  it('is compact and URL-safe: payload.keyId.signature with no padding', () => {
    const token = signer.sign('unsubscribe', MESSAGE_ID, DAY);
    assert.match(token, /^[A-Za-z0-9_-]+\.k1\.[A-Za-z0-9_-]{43}$/);
    assert.ok(token.length < 160, `${token.length} characters`);
    assert.equal(encodeURIComponent(token), token);
  });

  it('refuses a token past its expiry as token_expired, and accepts it just before', () => {
    const token = signer.sign('unsubscribe', MESSAGE_ID, DAY);
    assert.equal(new TokenSigner(ring('k1', { k1 }), () => T0 + DAY - 1_000).verify(token, 'unsubscribe').subject, MESSAGE_ID);
    assert.equal(refusal(new TokenSigner(ring('k1', { k1 }), () => T0 + DAY), token), 'token_expired');
    assert.equal(refusal(new TokenSigner(ring('k1', { k1 }), () => T0 + 400 * DAY), token), 'token_expired');
  });

  it('refuses any altered character, in the payload, the key id or the signature', () => {
    const token = signer.sign('unsubscribe', MESSAGE_ID, DAY);
    const dots = [token.indexOf('.'), token.lastIndexOf('.')];
    for (const index of [0, 5, dots[0] - 1, dots[0] + 1, dots[1] + 1, dots[1] + 20, -1]) {
      assert.equal(refusal(signer, flip(token, index)), 'token_invalid', `character ${index}`);
    }
  });

  it('refuses a payload re-signed by someone without the key (another subject, a later expiry)', () => {
    const token = signer.sign('unsubscribe', MESSAGE_ID, DAY);
    const [, keyId, signature] = token.split('.');
    for (const payload of [
      { p: 'unsubscribe', s: '00000000-0000-4000-8000-000000000000', e: T0 / 1000 + DAY / 1000 },
      { p: 'unsubscribe', s: MESSAGE_ID, e: T0 / 1000 + 3650 * DAY / 1000 },
    ]) {
      const forged = `${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${keyId}.${signature}`;
      assert.equal(refusal(signer, forged), 'token_invalid');
    }
  });

  it('reports a forged token as invalid even when its claimed expiry has passed', () => {
    const token = new TokenSigner(ring('k1', { k1: randomBytes(32) }), () => T0 - 10 * DAY).sign('unsubscribe', MESSAGE_ID, DAY);
    assert.equal(refusal(signer, token), 'token_invalid');
  });

  it('refuses a token signed for another purpose', () => {
    const other = signer as unknown as { sign(purpose: string, subject: string, ttl: number): string };
    assert.equal(refusal(signer, other.sign('password-reset', MESSAGE_ID, DAY)), 'token_invalid');
  });

  it('keeps unsubscribe, open and click tokens apart: a pixel token cannot unsubscribe anyone', () => {
    const purposes: TokenPurpose[] = ['unsubscribe', 'open', 'click'];
    for (const signed of purposes) {
      const token = signer.sign(signed, MESSAGE_ID, DAY);
      for (const asked of purposes) {
        if (asked === signed) assert.equal(signer.verify(token, asked).subject, MESSAGE_ID);
        else assert.equal(refusal(signer, token, asked), 'token_invalid', `${signed} token used for ${asked}`);
      }
    }
  });

  it('refuses an unknown key id, and a known id whose key is not the one that signed', () => {
    const token = signer.sign('unsubscribe', MESSAGE_ID, DAY);
    assert.equal(refusal(signer, token.replace('.k1.', '.k9.')), 'token_invalid');
    assert.equal(refusal(new TokenSigner(ring('k1', { k1: k2 }), () => T0), token), 'token_invalid');
  });

  it('refuses malformed input without throwing anything but a TokenError', () => {
    const token = signer.sign('unsubscribe', MESSAGE_ID, DAY);
    const [body, , signature] = token.split('.');
    const notJson = Buffer.from('not json').toString('base64url');
    const wrongShape = Buffer.from(JSON.stringify({ p: 'unsubscribe', s: 42, e: 'soon' })).toString('base64url');
    for (const input of [
      '', '.', '..', 'abc', `${body}.k1`, `${body}..${signature}`, `.k1.${signature}`, `${body}.k1.`,
      `${body}.k1.${signature}=`, `${body}.k1.${signature}.`, `${body}+.k1.${signature}`, `${token}${'A'.repeat(600)}`,
      `${notJson}.k1.${signature}`, `${wrongShape}.k1.${signature}`,
      undefined as unknown as string, 42 as unknown as string,
    ]) {
      assert.equal(refusal(signer, input), 'token_invalid', JSON.stringify(input));
    }
  });

  it('rejects a well-signed payload of the wrong shape', () => {
    // Signed with the real key, so only the payload check can refuse it.
    const mac = (signer as unknown as { mac(keyId: string, body: string): string }).mac.bind(signer);
    for (const payload of [{ p: 'unsubscribe', s: '', e: T0 / 1000 + 100 }, { p: 'unsubscribe', s: MESSAGE_ID }, null]) {
      const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
      assert.equal(refusal(signer, `${body}.k1.${mac('k1', body)}`), 'token_invalid', JSON.stringify(payload));
    }
  });

  describe('rotation', () => {
    const before = new TokenSigner(ring('k1', { k1 }), () => T0);
    const after = new TokenSigner(ring('k2', { k2, k1 }), () => T0);

    it('signs with the first key of the ring', () => {
      assert.match(after.sign('unsubscribe', MESSAGE_ID, DAY), /\.k2\./);
    });

    it('keeps verifying links signed with an older key still in the ring', () => {
      const old = before.sign('unsubscribe', MESSAGE_ID, DAY);
      assert.equal(after.verify(old, 'unsubscribe').subject, MESSAGE_ID);
    });

    it('stops verifying them once the old key is dropped', () => {
      const old = before.sign('unsubscribe', MESSAGE_ID, DAY);
      assert.equal(refusal(new TokenSigner(ring('k2', { k2 }), () => T0), old), 'token_invalid');
    });

    it('accepts key ids with dots (allowed in key rings)', () => {
      const dotted = new TokenSigner(ring('v.2', { 'v.2': k2 }), () => T0);
      const token = dotted.sign('unsubscribe', MESSAGE_ID, DAY);
      assert.equal(dotted.verify(token, 'unsubscribe').subject, MESSAGE_ID);
    });
  });
});
