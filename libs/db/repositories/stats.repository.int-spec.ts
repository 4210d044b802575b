import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { loadConfig } from '@relance/config';
import { accountWithMailbox } from '../../../tests/support/account-with-mailbox';
import { createDataSource } from '../data-source';
import { StatsRepository } from './stats.repository';

/** Campaign stats on real PostgreSQL: a prospect counts as bounced only when the recipient is gone. */
describe('StatsRepository: bounced prospects (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let accountId: string;
  let mailboxId: string;

  before(async () => {
    dataSource = await createDataSource(loadConfig().database.url, { poolSize: 2 }).initialize();
    ({ accountId, mailboxId } = await accountWithMailbox(dataSource, 'Stats', 'stats-bounces.test'));
  });

  after(async () => {
    await dataSource?.destroy();
  });

  it('counts enrollments ended for a recipient gone, not those ended after resends to a full mailbox or a refusing server', async () => {
    const [campaign] = await dataSource.query(
      `INSERT INTO campaigns (account_id, name, mailbox_id, status) VALUES ($1, 'c', $2, 'active') RETURNING id`, [accountId, mailboxId],
    );
    for (const [n, reason] of [[1, 'hard_bounce'], [2, 'soft_bounce'], [3, 'sender_problem']] as const) {
      const [prospect] = await dataSource.query(
        `INSERT INTO prospects (account_id, email) VALUES ($1, $2) RETURNING id`, [accountId, `p${n}@stats-bounces.test`],
      );
      await dataSource.query(
        `INSERT INTO enrollments (account_id, campaign_id, prospect_id, workflow_id, status, stop_reason)
         VALUES ($1, $2, $3, 'enrollment:' || gen_random_uuid(), 'bounced', $4)`,
        [accountId, campaign.id, prospect.id, reason],
      );
    }
    const counts = await new StatsRepository(dataSource).countProspects(accountId, campaign.id);
    assert.deepEqual([counts.enrolled, counts.bounced, counts.complained], [3, 1, 0]);
  });
});
