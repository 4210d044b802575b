import { createHmac, timingSafeEqual } from 'node:crypto';
import type { KeyRing } from '@relance/config';

/**
 * What a token may be used for; a token signed for one purpose is refused for any other.
 * unsubscribe and open: an outbox message id; click: a message id and a link index.
 */
export type TokenPurpose = 'unsubscribe' | 'open' | 'click';

export type TokenErrorCode = 'token_invalid' | 'token_expired';

export class TokenError extends Error {
  override readonly name = 'TokenError';

  constructor(
    readonly code: TokenErrorCode,
    message: string,
  ) {
    super(message);
  }
}

export interface VerifiedToken {
  purpose: TokenPurpose;
  /** What the token was signed for (an outbox message id for unsubscribe links). */
  subject: string;
  expiresAt: Date;
}

/** Compact JSON: the token rides in URLs and mail headers. */
interface Payload {
  p: string;
  s: string;
  /** Expiry, in seconds since the epoch. */
  e: number;
}

// Well above any token we sign; refuses absurd inputs before any work is done on them.
const MAX_TOKEN_LENGTH = 512;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/**
 * URL-safe signed tokens: `base64url(payload JSON).keyId.base64url(HMAC-SHA256)`. The first
 * key of the ring signs and every key verifies, so keys rotate without breaking links already
 * sent. The MAC covers the payload and the key id as written; the purpose and the expiry are
 * checked only once the MAC holds, so a forged token never learns more than "invalid".
 */
export class TokenSigner {
  constructor(
    private readonly ring: KeyRing,
    private readonly now: () => number = Date.now,
  ) {}

  sign(purpose: TokenPurpose, subject: string, ttlMs: number): string {
    const payload: Payload = { p: purpose, s: subject, e: Math.floor((this.now() + ttlMs) / 1000) };
    const body = Buffer.from(JSON.stringify(payload), 'utf8').toString('base64url');
    const keyId = this.ring.currentId;
    return `${body}.${keyId}.${this.mac(keyId, body)}`;
  }

  /** Returns the token's claims, or throws a TokenError (token_invalid, token_expired). */
  verify(token: string, purpose: TokenPurpose): VerifiedToken {
    const parts = typeof token === 'string' && token.length <= MAX_TOKEN_LENGTH ? split(token) : null;
    if (!parts) throw invalid('the token is malformed');
    const { body, keyId, signature } = parts;
    if (!this.ring.keys.has(keyId)) throw invalid('the token is signed with an unknown key');
    // Compared as the canonical base64url text: other spellings of the same bytes are refused too.
    const expected = Buffer.from(this.mac(keyId, body), 'utf8');
    const given = Buffer.from(signature, 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
      throw invalid('the token signature does not match');
    }
    const payload = parsePayload(body);
    if (!payload) throw invalid('the token payload is malformed');
    if (payload.p !== purpose) throw invalid(`the token is not valid for ${purpose}`);
    if (payload.e * 1000 <= this.now()) throw new TokenError('token_expired', 'the token has expired');
    return { purpose, subject: payload.s, expiresAt: new Date(payload.e * 1000) };
  }

  private mac(keyId: string, body: string): string {
    const key = this.ring.keys.get(keyId);
    if (!key) throw new Error(`token signing key "${keyId}" is not configured (TOKEN_SIGNING_KEYS)`);
    return createHmac('sha256', key).update(`${body}.${keyId}`).digest('base64url');
  }
}

function invalid(message: string): TokenError {
  return new TokenError('token_invalid', message);
}

/** Key ids may contain dots; base64url never does: the id is what lies between the first and last dot. */
function split(token: string): { body: string; keyId: string; signature: string } | null {
  const first = token.indexOf('.');
  const last = token.lastIndexOf('.');
  if (first <= 0 || last <= first + 1 || last === token.length - 1) return null;
  const body = token.slice(0, first);
  const signature = token.slice(last + 1);
  if (!BASE64URL.test(body) || !BASE64URL.test(signature)) return null;
  return { body, keyId: token.slice(first + 1, last), signature };
}

function parsePayload(body: string): Payload | null {
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as Partial<Payload> | null;
    if (typeof value?.p !== 'string' || typeof value.s !== 'string' || value.s === '') return null;
    if (typeof value.e !== 'number' || !Number.isSafeInteger(value.e)) return null;
    return value as Payload;
  } catch {
    return null;
  }
}
