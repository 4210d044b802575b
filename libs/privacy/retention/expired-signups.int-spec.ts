import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { AccountRepository, createDataSource } from '@relance/db';
import { testEnv } from '../../../tests/harness/env';
import { RetentionRepository } from './retention.repository';

/** The expired-tokens job's share of sign-ups and invitations, on real PostgreSQL. */
describe('expired sign-ups and invitations', () => {
  let db: DataSource;
  let accountId: string;
  let ownerId: string;

  before(async () => {
    db = await createDataSource(testEnv().databaseUrl, { poolSize: 2 }).initialize();
    const created = await new AccountRepository(db).createAccountWithOwner({
      accountName: `retention ${randomUUID()}`, ownerEmail: `owner-${randomUUID()}@retention.test`, ownerName: 'Owner',
    });
    [accountId, ownerId] = [created.account.id, created.owner.id];
  });
  after(async () => {
    await db?.query(`DELETE FROM accounts WHERE id = $1`, [accountId]);
    await db?.query(`DELETE FROM signup_requests WHERE email LIKE '%@retention.test'`);
    await db?.destroy();
  });

  const signup = async (label: string, expiresIn: string, verified: boolean): Promise<string> => {
    const [row] = await db.query(
      `INSERT INTO signup_requests (email, email_hash, name, account_name, token_hash, expires_at, verified_at)
       VALUES ($1, $2, 'Someone', 'Workspace', $3, now() + $4::interval, CASE WHEN $5 THEN now() END) RETURNING id`,
      [`${label}-${randomUUID()}@retention.test`, randomUUID(), randomUUID(), expiresIn, verified],
    );
    return row.id;
  };
  const invitation = async (expiresIn: string, userId: string | null): Promise<string> => {
    const [row] = await db.query(
      `INSERT INTO invitations (account_id, email, role, user_id, token_hash, expires_at)
       VALUES ($1, $2, 'member', $3, $4, now() + $5::interval) RETURNING id`,
      [accountId, `invitee-${randomUUID()}@retention.test`, userId, randomUUID(), expiresIn],
    );
    return row.id;
  };

  it('deletes unconfirmed sign-ups and unaccepted invitations past expiry, and nothing else', async () => {
    const gone = [await signup('stale', '-1 hour', false), await invitation('-1 hour', null)];
    const kept = [
      await signup('confirmed', '-1 hour', true), await signup('fresh', '1 hour', false),
      await invitation('-1 hour', ownerId), await invitation('1 hour', null),
    ];
    const counts = await new RetentionRepository(db).deleteExpiredSignupsAndInvitations(new Date());
    assert.ok(counts.signupRequestsDeleted >= 1 && counts.invitationsDeleted >= 1, JSON.stringify(counts));
    const left = async (ids: string[]) => (await db.query(
      `SELECT id FROM signup_requests WHERE id = ANY($1::uuid[]) UNION ALL SELECT id FROM invitations WHERE id = ANY($1::uuid[])`, [ids],
    )).map((row: { id: string }) => row.id).sort();
    assert.deepEqual(await left(gone), []);
    assert.deepEqual(await left(kept), [...kept].sort());
  });
});
