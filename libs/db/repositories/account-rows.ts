import { createHash, randomBytes } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Account } from '../entities/account.entity';
import { ApiKey } from '../entities/api-key.entity';
import { User, type UserRole } from '../entities/user.entity';

/** Keys read `rl_live_` + 32 base64url characters (24 random bytes). */
export const API_KEY_PREFIX = 'rl_live_';
export const API_KEY_PATTERN = /^rl_live_[A-Za-z0-9_-]{32}$/;
/** How much of a key is kept readable, so people can tell their keys apart. */
export const DISPLAY_PREFIX_LENGTH = 12;

/** Keys are looked up by their SHA-256: they are random enough that a slow hash adds nothing. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface CreatedApiKey {
  /** The plaintext key: returned here once, never stored. */
  key: string;
  apiKey: ApiKey;
}

/**
 * The rows of a new account, its owner and keys, written in the caller's transaction: sign-ups,
 * invitations and staff create them together with their own rows.
 */
export async function insertAccountWithOwner(
  manager: EntityManager,
  input: { accountName: string; ownerEmail: string; ownerName: string; emailVerifiedAt: Date | null },
): Promise<{ account: Account; owner: User }> {
  const account = await manager.getRepository(Account).save({ name: input.accountName });
  const owner = await insertUser(manager, {
    accountId: account.id, email: input.ownerEmail, name: input.ownerName, role: 'owner', emailVerifiedAt: input.emailVerifiedAt,
  });
  return { account, owner };
}

export function insertUser(
  manager: EntityManager,
  input: { accountId: string; email: string; name: string; role: UserRole; emailVerifiedAt: Date | null },
): Promise<User> {
  return manager.getRepository(User).save({ ...input, email: input.email.trim().toLowerCase() });
}

export async function insertApiKey(
  manager: EntityManager,
  input: { accountId: string; userId: string | null; name: string },
): Promise<CreatedApiKey> {
  const key = API_KEY_PREFIX + randomBytes(24).toString('base64url');
  const apiKey = await manager.getRepository(ApiKey).save({
    ...input,
    prefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
    keyHash: hashApiKey(key),
    lastUsedAt: null,
    revokedAt: null,
  });
  return { key, apiKey };
}
