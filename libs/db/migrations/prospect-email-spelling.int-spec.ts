import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { bootstrapAccount } from '../../../apps/api/src/auth/bootstrap-account';
import { loadConfig } from '@relance/config';
import { createDataSource } from '../data-source';
import { respellProspectEmails } from './1764300000000-prospect-email-spelling';

/**
 * The migration that gives stored prospect emails their one spelling, on rows written before it
 * (inserted here in SQL, as the old code stored them): collisions keep both prospects and are
 * reported, the oldest prospect taking the new spelling.
 */
describe('prospect emails respelled (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let accountId: string;

  before(async () => {
    dataSource = await createDataSource(loadConfig().database.url, { poolSize: 1 }).initialize();
    ({ accountId } = await bootstrapAccount(dataSource, { accountName: 'Spelling', ownerEmail: 'o@spelling.test', ownerName: 'O' }));
  });

  after(async () => {
    await dataSource?.destroy();
  });

  const insert = async (email: string, minutesAgo: number): Promise<string> =>
    (await dataSource.query(
      `INSERT INTO prospects (account_id, email, created_at) VALUES ($1, $2, now() - make_interval(mins => $3)) RETURNING id`,
      [accountId, email, minutesAgo],
    ))[0].id;
  const emailOf = async (id: string) => (await dataSource.query(`SELECT email FROM prospects WHERE id = $1`, [id]))[0].email;

  it('respells old rows; on a collision the oldest gets the spelling, the other keeps its own and is reported', async () => {
    const alone = await insert('zo\u00eb@b\u00fccher.de', 10);
    const olderNfd = await insert('jose\u0301@exa\u0308mple.com', 9);
    const newerNfc = await insert('jos\u00e9@ex\u00e4mple.com', 8);
    const canonical = await insert('ada@prospect.com', 7);
    const trailingSpace = await insert('ada@prospect.com\u200b', 6);
    const plain = await insert('plain@prospect.com', 5);

    const queryRunner = dataSource.createQueryRunner();
    try {
      // Other test files' prospects share the database: only this account's are looked at.
      const ours = async () => (await respellProspectEmails(queryRunner)).filter((c) => c.accountId === accountId);
      const collisions = await ours();
      assert.deepEqual(collisions, [
        { accountId, prospectId: newerNfc, keptProspectId: olderNfd },
        { accountId, prospectId: trailingSpace, keptProspectId: canonical },
      ]);
      assert.deepEqual(await ours(), collisions, 'a second run changes nothing more');
    } finally {
      await queryRunner.release();
    }
    assert.equal(await emailOf(alone), 'zo\u00eb@xn--bcher-kva.de');
    assert.equal(await emailOf(olderNfd), 'jos\u00e9@xn--exmple-cua.com');
    assert.equal(await emailOf(newerNfc), 'jos\u00e9@ex\u00e4mple.com', 'kept, not merged or deleted');
    assert.equal(await emailOf(canonical), 'ada@prospect.com');
    assert.equal(await emailOf(trailingSpace), 'ada@prospect.com\u200b');
    assert.equal(await emailOf(plain), 'plain@prospect.com');
  });
});
