import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { tokenState } from '@relance/crypto/one-time-token';
import { type CreatedApiKey, insertAccountWithOwner, insertApiKey } from './account-rows';
import { FIRST_KEY_NAME } from './invitation.repository';

export interface NewSignup {
  email: string;
  emailHash: string;
  name: string;
  accountName: string;
  tokenHash: string;
  expiresAt: Date;
}

/** What confirming a sign-up did, or why it could not. */
export type SignupConfirmation =
  | { outcome: 'unknown' | 'expired' | 'used' }
  | { outcome: 'created'; signupId: string; accountId: string; userId: string; created: CreatedApiKey };

@Injectable()
export class SignupRepository {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Records a sign-up, replacing any earlier one for the same address (its token stops working,
   * a confirmed one's included: signing up again asks for another workspace).
   */
  async replace(input: NewSignup): Promise<string> {
    const [row] = await this.dataSource.query(
      `INSERT INTO signup_requests (email, email_hash, name, account_name, token_hash, expires_at)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (email_hash) DO UPDATE SET email = EXCLUDED.email, name = EXCLUDED.name,
         account_name = EXCLUDED.account_name, token_hash = EXCLUDED.token_hash, expires_at = EXCLUDED.expires_at,
         verified_at = NULL, account_id = NULL, created_at = now()
       RETURNING id`,
      [input.email, input.emailHash, input.name, input.accountName, input.tokenHash, input.expiresAt],
    );
    return row.id;
  }

  /**
   * Confirms the sign-up whose token hashes to `tokenHash`: the account, its owner (address
   * verified) and a first key are created and the request marked used, in one transaction that
   * locks the request, so a token makes one account however often it is sent.
   */
  async confirm(tokenHash: string, now: Date): Promise<SignupConfirmation> {
    return this.dataSource.transaction(async (manager) => {
      const [row] = await manager.query(`SELECT * FROM signup_requests WHERE token_hash = $1 FOR UPDATE`, [tokenHash]);
      if (!row) return { outcome: 'unknown' as const };
      const state = tokenState({ expiresAt: row.expires_at, usedAt: row.verified_at }, now);
      if (state !== 'valid') return { outcome: state };
      const { account, owner } = await insertAccountWithOwner(manager, {
        accountName: row.account_name, ownerEmail: row.email, ownerName: row.name, emailVerifiedAt: now,
      });
      const created = await insertApiKey(manager, { accountId: account.id, userId: owner.id, name: FIRST_KEY_NAME });
      await manager.query(`UPDATE signup_requests SET verified_at = $2, account_id = $3 WHERE id = $1`, [row.id, now, account.id]);
      return { outcome: 'created' as const, signupId: row.id as string, accountId: account.id, userId: owner.id, created };
    });
  }
}
