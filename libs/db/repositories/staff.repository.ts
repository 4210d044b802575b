import { Injectable } from '@nestjs/common';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { StaffToken } from '../entities/staff-token.entity';
import { StaffRole, StaffUser } from '../entities/staff-user.entity';
import { entityFromRow } from './entity-rows';
import { keysetPage, type Page } from './keyset-page';

/**
 * Staff tokens read `rl_staff_` + 32 base64url characters (24 random bytes): a prefix no
 * customer API key (`rl_live_`) has, so neither kind can be mistaken for the other.
 */
export const STAFF_TOKEN_PREFIX = 'rl_staff_';
export const STAFF_TOKEN_PATTERN = /^rl_staff_[A-Za-z0-9_-]{32}$/;

/** Random enough that a slow hash adds nothing: looked up by SHA-256, as API keys are. */
export function hashStaffToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export interface IssuedStaffToken {
  /** The plaintext token: returned here once, never stored. */
  token: string;
  staffToken: StaffToken;
}

/** A live token and the enabled staff member it belongs to. */
export interface StaffSession {
  tokenId: string;
  tokenLastUsedAt: Date | null;
  staffUser: StaffUser;
}

@Injectable()
export class StaffRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Null when a staff member already has this (normalised) address. */
  async create(input: { email: string; displayName: string; role: StaffRole }): Promise<StaffUser | null> {
    const [row] = await this.dataSource.query(
      `INSERT INTO staff_users (email, display_name, role) VALUES ($1, $2, $3)
       ON CONFLICT (email) DO NOTHING RETURNING id`,
      [input.email, input.displayName, input.role],
    );
    return row ? this.dataSource.getRepository(StaffUser).findOneByOrFail({ id: row.id }) : null;
  }

  /** Every staff member, oldest first (the CLI's listing). */
  list(): Promise<StaffUser[]> {
    return this.dataSource.getRepository(StaffUser).find({ order: { createdAt: 'ASC', id: 'ASC' } });
  }

  /** Staff members, newest first, `limit` at a time after `after`; null when `after` names no one. */
  listPage(page: { limit: number; after?: string }): Promise<Page<StaffUser> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT s.* FROM staff_users s`,
      params: [],
      key: ['created_at', 'id'],
      descending: true,
      map: entityFromRow(this.dataSource, StaffUser),
    }, page);
  }

  findById(id: string): Promise<StaffUser | null> {
    return this.dataSource.getRepository(StaffUser).findOneBy({ id });
  }

  findByEmail(email: string): Promise<StaffUser | null> {
    return this.dataSource.getRepository(StaffUser).findOneBy({ email });
  }

  /** Disables the member and revokes every token they hold; false when already disabled. */
  async disable(id: string): Promise<boolean> {
    return this.dataSource.transaction(async (manager) => {
      const result = await manager.getRepository(StaffUser).update({ id, disabledAt: IsNull() }, { disabledAt: new Date() });
      if ((result.affected ?? 0) === 0) return false;
      await manager.getRepository(StaffToken).update({ staffUserId: id, revokedAt: IsNull() }, { revokedAt: new Date() });
      return true;
    });
  }

  async issueToken(staffUserId: string): Promise<IssuedStaffToken> {
    const token = STAFF_TOKEN_PREFIX + randomBytes(24).toString('base64url');
    const staffToken = await this.dataSource.getRepository(StaffToken).save({
      staffUserId,
      tokenHash: hashStaffToken(token),
      lastUsedAt: null,
      revokedAt: null,
    });
    return { token, staffToken };
  }

  /** Returns false when the token does not exist or was already revoked. */
  async revokeToken(id: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(StaffToken).update({ id, revokedAt: IsNull() }, { revokedAt: new Date() });
    return (result.affected ?? 0) > 0;
  }

  /** The session of a token that is neither revoked nor held by a disabled member. */
  async findSession(tokenHash: string): Promise<StaffSession | null> {
    const token = await this.dataSource.getRepository(StaffToken).findOne({
      where: { tokenHash, revokedAt: IsNull(), staffUser: { disabledAt: IsNull() } },
      relations: { staffUser: true },
    });
    if (!token?.staffUser) return null;
    return { tokenId: token.id, tokenLastUsedAt: token.lastUsedAt, staffUser: token.staffUser };
  }

  /** Records a use, at most once per `minIntervalMs`, so each request does not write. */
  async touchToken(id: string, minIntervalMs: number): Promise<void> {
    await this.dataSource.query(
      `UPDATE staff_tokens SET last_used_at = now()
       WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < now() - $2 * interval '1 millisecond')`,
      [id, minIntervalMs],
    );
  }

  /** Sets (or replaces) the console password and clears any lockout; false when no such member. */
  async setPassword(id: string, passwordHash: string): Promise<boolean> {
    const result = await this.dataSource.getRepository(StaffUser).update({ id }, { passwordHash, failedLogins: 0, lockedUntil: null });
    return (result.affected ?? 0) > 0;
  }

  /**
   * Counts one wrong password, in one statement so concurrent attempts cannot each see four:
   * the `maxFailures`-th locks the member for `lockoutMs` and starts the count again.
   */
  async recordFailedLogin(id: string, maxFailures: number, lockoutMs: number): Promise<{ lockedUntil: Date | null; justLocked: boolean }> {
    const [[row]] = await this.dataSource.query(
      `UPDATE staff_users SET
         failed_logins = CASE WHEN failed_logins + 1 >= $2 THEN 0 ELSE failed_logins + 1 END,
         locked_until = CASE WHEN failed_logins + 1 >= $2 THEN now() + $3 * interval '1 millisecond' ELSE locked_until END
       WHERE id = $1
       RETURNING locked_until, (failed_logins = 0) AS just_locked`,
      [id, maxFailures, lockoutMs],
    );
    return { lockedUntil: row?.locked_until ?? null, justLocked: row?.just_locked === true };
  }

  async recordSuccessfulLogin(id: string): Promise<void> {
    await this.dataSource.getRepository(StaffUser).update({ id }, { failedLogins: 0, lockedUntil: null });
  }

  /** Lifts a lockout (and forgets the failures); false when the member was neither locked nor failing. */
  async unlock(id: string): Promise<boolean> {
    const [, affected] = await this.dataSource.query(
      `UPDATE staff_users SET failed_logins = 0, locked_until = NULL
       WHERE id = $1 AND (failed_logins > 0 OR locked_until > now())`,
      [id],
    );
    return affected > 0;
  }
}
