import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { tokenState } from '@relance/crypto/one-time-token';
import type { Invitation } from '../entities/invitation.entity';
import type { UserRole } from '../entities/user.entity';
import { type CreatedApiKey, insertAccountWithOwner, insertApiKey, insertUser } from './account-rows';
import { keysetPage, type Page, type PageRequest } from './keyset-page';

export interface NewInvitation {
  accountId: string;
  email: string;
  role: UserRole;
  invitedByUserId: string | null;
  tokenHash: string;
  expiresAt: Date;
}

/** What accepting an invitation did, or why it could not. */
export type Acceptance =
  | { outcome: 'unknown' | 'expired' | 'already_member' }
  | { outcome: 'accepted'; accountId: string; userId: string; invitationId: string; created: CreatedApiKey };

/** The first key a person gets by accepting an invitation or confirming a sign-up. */
export const FIRST_KEY_NAME = 'first key';

@Injectable()
export class InvitationRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Invites an address, or renews its pending invitation (a new token and expiry: the old token stops working). */
  async upsert(input: NewInvitation): Promise<Invitation> {
    const [row] = await this.dataSource.query(
      `INSERT INTO invitations (account_id, email, role, invited_by_user_id, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (account_id, email) DO UPDATE SET role = EXCLUDED.role, invited_by_user_id = EXCLUDED.invited_by_user_id,
         token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at, created_at = now()
       RETURNING *`,
      [input.accountId, input.email, input.role, input.invitedByUserId, input.tokenHash, input.expiresAt],
    );
    return toInvitation(row);
  }

  /**
   * An account made by staff: its owner exists at once (unverified, without a key) and is
   * invited to set it up; all three rows commit together.
   */
  async createAccountWithInvitedOwner(input: {
    accountName: string; ownerEmail: string; ownerName: string; tokenHash: string; expiresAt: Date;
  }): Promise<{ accountId: string; ownerId: string; invitation: Invitation }> {
    return this.dataSource.transaction(async (manager) => {
      const { account, owner } = await insertAccountWithOwner(manager, { ...input, emailVerifiedAt: null });
      const [row] = await manager.query(
        `INSERT INTO invitations (account_id, email, role, user_id, token_hash, expires_at)
         VALUES ($1, $2, 'owner', $3, $4, $5) RETURNING *`,
        [account.id, owner.email, owner.id, input.tokenHash, input.expiresAt],
      );
      return { accountId: account.id, ownerId: owner.id, invitation: toInvitation(row) };
    });
  }

  listPage(accountId: string, page: PageRequest): Promise<Page<Invitation> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT * FROM invitations WHERE account_id = $1`,
      params: [accountId],
      key: ['created_at', 'id'],
      descending: true,
      map: toInvitation,
    }, page);
  }

  async findInAccount(accountId: string, id: string): Promise<Invitation | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM invitations WHERE account_id = $1 AND id = $2`, [accountId, id]);
    return row ? toInvitation(row) : null;
  }

  async deleteInAccount(accountId: string, id: string): Promise<boolean> {
    const [, deleted] = await this.dataSource.query(`DELETE FROM invitations WHERE account_id = $1 AND id = $2`, [accountId, id]);
    return Number(deleted) > 0;
  }

  /**
   * Accepts the invitation whose token hashes to `tokenHash`: its user is created (or, when it
   * sets up an existing user, named), the address counts as verified, a first key is issued and
   * the invitation is deleted, all in one transaction that locks the invitation (a token works once).
   */
  async accept(tokenHash: string, name: string, now: Date): Promise<Acceptance> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT * FROM invitations WHERE token_hash = $1 FOR UPDATE`, [tokenHash]);
      if (!row) return { outcome: 'unknown' as const };
      const invitation = toInvitation(row);
      if (tokenState({ expiresAt: invitation.expiresAt, usedAt: null }, now) === 'expired') return { outcome: 'expired' as const };
      let userId = invitation.userId;
      if (userId) {
        await manager.query(`UPDATE users SET name = $2, email_verified_at = $3 WHERE id = $1`, [userId, name, now]);
      } else {
        const [taken] = await manager.query(`SELECT 1 FROM users WHERE account_id = $1 AND email = $2`, [invitation.accountId, invitation.email]);
        if (taken) return { outcome: 'already_member' as const };
        userId = (await insertUser(manager, {
          accountId: invitation.accountId, email: invitation.email, name, role: invitation.role, emailVerifiedAt: now,
        })).id;
      }
      const created = await insertApiKey(manager, { accountId: invitation.accountId, userId, name: FIRST_KEY_NAME });
      await manager.query(`DELETE FROM invitations WHERE id = $1`, [invitation.id]);
      return { outcome: 'accepted' as const, accountId: invitation.accountId, userId, invitationId: invitation.id, created };
    });
  }
}

function toInvitation(row: Record<string, any>): Invitation {
  return {
    id: row.id, accountId: row.account_id, email: row.email, role: row.role, userId: row.user_id,
    invitedByUserId: row.invited_by_user_id, tokenHash: row.token_hash, expiresAt: row.expires_at, createdAt: row.created_at,
  };
}
