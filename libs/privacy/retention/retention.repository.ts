import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** The deletions retention makes outside the request log: each one statement, by age. */
@Injectable()
export class RetentionRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Support conversations of accounts deleted before `before`, then those accounts' tombstones
   * (ACCOUNT_TOMBSTONE_SQL), and conversations never attached to an account whose last message
   * is older than `before`, in one transaction (messages go by cascade); returns how many went.
   */
  deleteSupportConversations(before: Date): Promise<{ conversations: number; accounts: number; unattached: number }> {
    return this.dataSource.transaction(async (manager) => {
      const [, conversations] = await manager.query(
        `DELETE FROM support_conversations sc USING accounts a
         WHERE sc.account_id = a.id AND a.deleted_at IS NOT NULL AND a.deleted_at < $1`,
        [before],
      );
      const [, accounts] = await manager.query(`DELETE FROM accounts WHERE deleted_at IS NOT NULL AND deleted_at < $1`, [before]);
      const [, unattached] = await manager.query(
        `DELETE FROM support_conversations WHERE account_id IS NULL AND last_message_at < $1`, [before]);
      return { conversations, accounts, unattached };
    });
  }

  /** Account exports written before `completedBefore` and still downloadable: their ids and archive paths. */
  async accountExportsDone(completedBefore: Date): Promise<{ id: string; filePath: string | null }[]> {
    const rows: { id: string; file_path: string | null }[] = await this.dataSource.query(
      `SELECT id, file_path FROM account_exports WHERE status = 'ready' AND completed_at < $1 ORDER BY id`, [completedBefore],
    );
    return rows.map((row) => ({ id: row.id, filePath: row.file_path }));
  }

  /** Marks these exports expired, their archive gone; returns how many changed. */
  async markAccountExportsExpired(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const [, count] = await this.dataSource.query(
      `UPDATE account_exports SET status = 'expired', file_path = NULL WHERE id = ANY($1::uuid[]) AND status = 'ready'`, [ids],
    );
    return count;
  }

  /** Access exports of privacy requests completed before `completedBefore` (their link has expired); returns how many went. */
  async deleteAccessExports(completedBefore: Date): Promise<number> {
    const [, count] = await this.dataSource.query(
      `UPDATE privacy_requests SET export_data = NULL WHERE export_data IS NOT NULL AND completed_at < $1`, [completedBefore],
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

  /** Idempotency keys past their expiry, with the answers they kept for replay; returns how many went. */
  async deleteExpiredIdempotencyKeys(now: Date): Promise<number> {
    const [, count] = await this.dataSource.query(`DELETE FROM idempotency_keys WHERE expires_at < $1`, [now]);
    return count;
  }

  /**
   * Sign-ups never confirmed and invitations never accepted, past their token's expiry: they name
   * someone who did not go on. An invitation that sets up an existing user (a staff-made account's
   * owner) stays: it is how that owner gets in, and names no one the users table does not.
   */
  async deleteExpiredSignupsAndInvitations(now: Date): Promise<{ signupRequestsDeleted: number; invitationsDeleted: number }> {
    const [, signups] = await this.dataSource.query(`DELETE FROM signup_requests WHERE verified_at IS NULL AND expires_at < $1`, [now]);
    const [, invitations] = await this.dataSource.query(`DELETE FROM invitations WHERE user_id IS NULL AND expires_at < $1`, [now]);
    return { signupRequestsDeleted: signups, invitationsDeleted: invitations };
  }
}
