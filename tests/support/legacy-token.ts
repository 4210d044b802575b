import { createHmac } from 'node:crypto';
import type { KeyRing } from '@relance/config';

/**
 * A token in the format Relance signed before its tokens were JWS, as it sits in the links of
 * emails already sent: `base64url(JSON {p, s, e}).keyId.base64url(HMAC-SHA256(key, "<payload>.<keyId>"))`.
 * Written here, never by Relance any more, so that tests can prove such links still work.
 */
export function legacyToken(ring: KeyRing, purpose: string, subject: string, expiresAt: Date): string {
  const keyId = ring.currentId;
  const key = ring.keys.get(keyId);
  if (!key) throw new Error(`no key "${keyId}" in the ring`);
  const body = Buffer.from(JSON.stringify({ p: purpose, s: subject, e: Math.floor(expiresAt.getTime() / 1000) })).toString('base64url');
  return `${body}.${keyId}.${createHmac('sha256', key).update(`${body}.${keyId}`).digest('base64url')}`;
}
