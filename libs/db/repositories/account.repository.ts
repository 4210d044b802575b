import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ApiKey } from '../entities/api-key.entity';
import { type CreatedApiKey, insertAccountWithOwner, insertApiKey } from './account-rows';
import { keysetPage, type Page, type PageRequest } from './keyset-page';

export { API_KEY_PATTERN, API_KEY_PREFIX, type CreatedApiKey, hashApiKey } from './account-rows';

@Injectable()
export class AccountRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Creates a workspace and its owner together. */
  async createAccountWithOwner(input: { accountName: string; ownerEmail: string; ownerName: string }) {
    return this.dataSource.transaction((manager) => insertAccountWithOwner(manager, { ...input, emailVerifiedAt: null }));
  }

  createApiKey(accountId: string, userId: string | null, name: string): Promise<CreatedApiKey> {
    return insertApiKey(this.dataSource.manager, { accountId, userId, name });
  }

  async accountName(accountId: string): Promise<string | null> {
    const [row] = await this.dataSource.query(`SELECT name FROM accounts WHERE id = $1`, [accountId]);
    return row?.name ?? null;
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

  /** An account's keys, newest first: all of them, or only `userId`'s. */
  listKeys(accountId: string, userId: string | null, page: PageRequest): Promise<Page<ApiKey> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT * FROM api_keys WHERE account_id = $1`,
      params: [accountId],
      filter: { sql: `$2::uuid IS NULL OR user_id = $2`, params: [userId] },
      key: ['created_at', 'id'],
      descending: true,
      map: toApiKey,
    }, page);
  }

  async findKey(accountId: string, id: string): Promise<ApiKey | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM api_keys WHERE account_id = $1 AND id = $2`, [accountId, id]);
    return row ? toApiKey(row) : null;
  }
}

function toApiKey(row: Record<string, any>): ApiKey {
  return {
    id: row.id, accountId: row.account_id, userId: row.user_id, name: row.name, prefix: row.prefix, keyHash: row.key_hash,
    lastUsedAt: row.last_used_at, revokedAt: row.revoked_at, createdAt: row.created_at,
  };
}
