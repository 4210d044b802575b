import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { User, UserRole } from '../entities/user.entity';
import { keysetPage, type Page, type PageRequest } from './keyset-page';
import { removalProblem, type RemovalProblem } from './team-rules';

/** The users (reps) of an account, oldest first. */
@Injectable()
export class UserRepository {
  constructor(private readonly dataSource: DataSource) {}

  listPage(accountId: string, page: PageRequest): Promise<Page<User> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT * FROM users WHERE account_id = $1`,
      params: [accountId],
      key: ['created_at', 'id'],
      map: toUser,
    }, page);
  }

  async findInAccount(accountId: string, id: string): Promise<User | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM users WHERE account_id = $1 AND id = $2`, [accountId, id]);
    return row ? toUser(row) : null;
  }

  async emailTaken(accountId: string, email: string): Promise<boolean> {
    const [row] = await this.dataSource.query(`SELECT 1 FROM users WHERE account_id = $1 AND email = $2`, [accountId, email]);
    return row !== undefined;
  }

  /**
   * Revokes the user's keys and deletes the user, in one transaction that holds the account's
   * users locked, so two owners removing each other at once cannot leave the account ownerless.
   */
  async remove(accountId: string, userId: string): Promise<{ problem: RemovalProblem } | { problem: null; revokedKeys: number }> {
    return this.dataSource.transaction(async (manager) => {
      const members: { id: string; role: UserRole }[] = await manager.query(
        `SELECT id, role FROM users WHERE account_id = $1 ORDER BY id FOR UPDATE`, [accountId],
      );
      const problem = removalProblem(members, userId);
      if (problem) return { problem };
      const [, revoked] = await manager.query(
        `UPDATE api_keys SET revoked_at = now() WHERE account_id = $1 AND user_id = $2 AND revoked_at IS NULL`, [accountId, userId],
      );
      await manager.query(`DELETE FROM users WHERE account_id = $1 AND id = $2`, [accountId, userId]);
      return { problem: null, revokedKeys: Number(revoked ?? 0) };
    });
  }
}

function toUser(row: Record<string, any>): User {
  return {
    id: row.id, accountId: row.account_id, email: row.email, name: row.name, role: row.role,
    emailVerifiedAt: row.email_verified_at, createdAt: row.created_at,
  };
}
