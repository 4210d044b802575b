import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { Account } from '../entities/account.entity';
import { ApiKey } from '../entities/api-key.entity';
import { User } from '../entities/user.entity';

/** Keys read `rl_live_` + 32 base64url characters (24 random bytes). */
export const API_KEY_PREFIX = 'rl_live_';
export const API_KEY_PATTERN = /^rl_live_[A-Za-z0-9_-]{32}$/;
/** How much of a key is kept readable, so people can tell their keys apart. */
const DISPLAY_PREFIX_LENGTH = 12;

/** Keys are looked up by their SHA-256: they are random enough that a slow hash adds nothing. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

export interface CreatedApiKey {
  /** The plaintext key: returned here once, never stored. */
  key: string;
  apiKey: ApiKey;
}

@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates a workspace and its owner together. */
  async createAccountWithOwner(input: { accountName: string; ownerEmail: string; ownerName: string }) {
    return this.dataSource.transaction(async (manager) => {
      const account = await manager.getRepository(Account).save({ name: input.accountName });
      const owner = await manager.getRepository(User).save({
        accountId: account.id,
        email: input.ownerEmail.trim().toLowerCase(),
        name: input.ownerName,
        role: 'owner' as const,
      });
      return { account, owner };
    });
  }

  async createApiKey(accountId: string, userId: string | null, name: string): Promise<CreatedApiKey> {
    const key = API_KEY_PREFIX + randomBytes(24).toString('base64url');
    const apiKey = await this.dataSource.getRepository(ApiKey).save({
      accountId,
      userId,
      name,
      prefix: key.slice(0, DISPLAY_PREFIX_LENGTH),
      keyHash: hashApiKey(key),
      lastUsedAt: null,
      revokedAt: null,
    });
    return { key, apiKey };
  }

  findActiveKeyByHash(keyHash: string): Promise<ApiKey | null> {
    return this.dataSource.getRepository(ApiKey).findOneBy({ keyHash, revokedAt: IsNull() });
  }

  /** Records a use, at most once per `minIntervalMs`, so each request does not write. */
  async touchApiKey(id: string, minIntervalMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE api_keys SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - $2 * interval '1 millisecond')`,
      [id, minIntervalMs],
    );
  }

  /** Returns false when the key does not exist in the account or was already revoked. */
  async revokeApiKey(accountId: string, id: string): Promise<boolean> {
    const result = await this.dataSource
      .getRepository(ApiKey)
      .update({ id, accountId, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }
}
