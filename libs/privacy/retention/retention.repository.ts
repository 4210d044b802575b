import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The deletions retention makes outside the request log: each one statement, by age. */
@Injectable()
export class RetentionRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Support conversations of accounts deleted before `deletedBefore`; returns how many went. */
  async deleteSupportConversations(deletedBefore: Date): Promise<number> {
    const [, count] = await this.dataSource.query(
      `DELETE FROM support_conversations sc USING accounts a
       WHERE sc.account_id = a.id AND a.deleted_at IS NOT NULL AND a.deleted_at < $1`,
      [deletedBefore],
    );
    return count;
  }

  /** Customer API keys revoked before `revokedBefore`: they open nothing, only their hash and label remain. */
  async deleteRevokedApiKeys(revokedBefore: Date): Promise<number> {
    const [, count] = await this.dataSource.query(
      `DELETE FROM api_keys WHERE revoked_at IS NOT NULL AND revoked_at < $1`,
      [revokedBefore],
    );
    return count;
  }

  /** Staff tokens revoked before `revokedBefore`: they open nothing, only their hash remains. */
  async deleteRevokedStaffTokens(revokedBefore: Date): Promise<number> {
    const [, count] = await this.dataSource.query(
      `DELETE FROM staff_tokens WHERE revoked_at IS NOT NULL AND revoked_at < $1`,
      [revokedBefore],
    );
    return count;
  }
}
