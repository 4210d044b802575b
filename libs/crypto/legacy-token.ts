import { createHmac, timingSafeEqual } from 'node:crypto';
import type { KeyRing } from '@relance/config';

/**
 * Tokens as Relance signed them before they were JWS: `base64url(JSON {p, s, e}).keyId.
 * base64url(HMAC-SHA256(key, "<payload>.<keyId>"))`. Unsubscribe and tracking links in emails
 * already sent carry them and must keep working until they expire, so they are still read,
 * never written. Delete this file once UNSUBSCRIBE_TOKEN_TTL and TRACKING_TOKEN_TTL (365 days by
 * default) have passed since the release that stopped signing them.
 */
export type LegacyRead =
  | { ok: true; claims: { purpose: string; subject: string; expiresAt: Date } }
  | { ok: false; reason: string };

const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** The claims of a legacy token whose MAC holds under a key of `ring`; why it is refused otherwise. */
export function readLegacyToken(token: string, ring: KeyRing): LegacyRead {
  // Key ids may contain dots; base64url never does: the id is what lies between the first and last dot.
  const first = token.indexOf('.');
  const last = token.lastIndexOf('.');
  const body = token.slice(0, first);
  const keyId = token.slice(first + 1, last);
  const signature = token.slice(last + 1);
  if (first <= 0 || keyId === '' || !BASE64URL.test(body) || !BASE64URL.test(signature)) {
    return { ok: false, reason: 'the token is malformed' };
  }
  const key = ring.keys.get(keyId);
  if (!key) return { ok: false, reason: 'the token is signed with an unknown key' };
  // Compared as the canonical base64url text: other spellings of the same bytes are refused too.
  const expected = Buffer.from(createHmac('sha256', key).update(`${body}.${keyId}`).digest('base64url'));
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return { ok: false, reason: 'the token signature does not match' };
  }
  const payload = parsePayload(body);
  if (!payload) return { ok: false, reason: 'the token payload is malformed' };
  return { ok: true, claims: { purpose: payload.p, subject: payload.s, expiresAt: new Date(payload.e * 1000) } };
}

function parsePayload(body: string): { p: string; s: string; e: number } | null {
  try {
    const value = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { p?: unknown; s?: unknown; e?: unknown } | null;
    if (typeof value?.p !== 'string' || typeof value.s !== 'string' || value.s === '') return null;
    if (typeof value.e !== 'number' || !Number.isSafeInteger(value.e)) return null;
    return { p: value.p, s: value.s, e: value.e };
  } catch {
    return null;
  }
}
