import { createHash, randomBytes } from 'node:crypto';

/**
 * Single-use tokens mailed to a person (a sign-up's confirmation, an invitation): 32 random bytes
 * in base64url. Only their SHA-256 is stored: they are random enough that a slow hash adds nothing.
 */
export function newOneTimeToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashOneTimeToken(token) };
}

export function hashOneTimeToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** What a stored token allows now: nothing once used or past its expiry. */
export type TokenState = 'valid' | 'expired' | 'used';

export function tokenState(row: { expiresAt: Date; usedAt: Date | null }, now: Date): TokenState {
  if (row.usedAt) return 'used';
  return row.expiresAt.getTime() <= now.getTime() ? 'expired' : 'valid';
}
