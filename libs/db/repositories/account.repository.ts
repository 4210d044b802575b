import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import { ApiKey } from '../entities/api-key.entity';
import { type CreatedApiKey, insertAccountWithOwner, insertApiKey } from './account-rows';

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
