import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { accountWithMailbox } from '../../../tests/support/account-with-mailbox';
import { eventually } from '../../../tests/support/api-client';
import { loadConfig } from '@relance/config';
import { createDataSource } from '../data-source';
import { endEnrollments } from './enrollment-ends';

/** The one way enrollments end, on real PostgreSQL. */
describe('endEnrollments (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let accountId: string;
  let mailboxId: string;

  before(async () => {
    dataSource = await createDataSource(loadConfig().database.url, { poolSize: 3 }).initialize();
    ({ accountId, mailboxId } = await accountWithMailbox(dataSource, 'Ends', 'ends.test'));
  });

  after(async () => {
    await dataSource?.destroy();
  });

  /** A campaign with one enrollment per status given, each of its own prospect at `domain`. */
  async function enrollments(statuses: string[], domain = 'ends.test'): Promise<{ campaignId: string; ids: string[] }> {
    const [campaign] = await dataSource.query(
      `INSERT INTO campaigns (account_id, name, mailbox_id, status) VALUES ($1, 'c', $2, 'active') RETURNING id`, [accountId, mailboxId],
    );
    const ids: string[] = [];
    for (const status of statuses) {
      const [prospect] = await dataSource.query(`INSERT INTO prospects (account_id, email) VALUES ($1, $2) RETURNING id`, [
        accountId, `p-${randomUUID()}@${domain}`,
      ]);
      const [row] = await dataSource.query(
        `INSERT INTO enrollments (account_id, campaign_id, prospect_id, workflow_id, status, waiting_reason, waiting_until,
                                  finished_at)
         VALUES ($1, $2, $3, 'enrollment:' || gen_random_uuid(), $4, 'spacing', now() + interval '1 hour',
                 CASE WHEN $4 = 'completed' THEN timestamptz '2030-01-01 00:00:00+00' END)
         RETURNING id`,
        [accountId, campaign.id, prospect.id, status],
      );
      ids.push(row.id);
    }
    return { campaignId: campaign.id, ids };
  }

  const rowsOf = (ids: string[]) =>
    dataSource.query(
      `SELECT id, status, stop_reason, finished_at, waiting_reason, waiting_until, workflow_id FROM enrollments
       WHERE id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], id)`,
      [ids],
    );

  it('ends the running ones only, returns them in id order with their workflows, and clears their wait', async () => {
    const { campaignId, ids } = await enrollments(['active', 'paused', 'completed', 'stopped', 'active']);
    const ended = await endEnrollments(dataSource.manager, { where: `e.campaign_id = $1`, params: [campaignId] }, {
      status: 'stopped', reason: 'campaign_stopped',
    });
    const running = [ids[0], ids[1], ids[4]];
    const rows = await rowsOf(ids);
    assert.deepEqual(ended, [...running].sort().map((id) => ({ id, workflowId: rows[ids.indexOf(id)].workflow_id })));
    for (const row of rows) {
      const wasRunning = running.includes(row.id);
      assert.equal(row.status, wasRunning ? 'stopped' : ['active', 'paused', 'completed', 'stopped', 'active'][ids.indexOf(row.id)]);
      assert.equal(row.stop_reason, wasRunning ? 'campaign_stopped' : null);
      assert.equal(row.finished_at !== null, wasRunning || row.status === 'completed');
      assert.deepEqual([row.waiting_reason !== null, row.waiting_until !== null], [!wasRunning, !wasRunning]);
    }
  });

  it('ends from the statuses it is given, keeping the time a sequence first ended', async () => {
    const { ids } = await enrollments(['completed', 'paused']);
    const ended = await endEnrollments(dataSource.manager, { ids }, { status: 'replied', reason: 'replied', from: ['active', 'completed'] });
    assert.deepEqual(ended.map((e) => e.id), [ids[0]], 'the paused one is not among the statuses given');
    const [completed, paused] = await rowsOf(ids);
    assert.deepEqual([completed.status, completed.finished_at], ['replied', new Date('2030-01-01T00:00:00Z')], 'it ended with its last step');
    assert.equal(paused.status, 'paused');
  });

  it('selects by the prospect too', async () => {
    const domain = `${randomUUID().slice(0, 8)}.ends.test`;
    const { ids } = await enrollments(['active', 'active'], domain);
    await enrollments(['active']);
    const ended = await endEnrollments(dataSource.manager, {
      where: `e.account_id = $1 AND split_part(p.email, '@', 2) = $2`, params: [accountId, domain],
    }, { status: 'stopped', reason: 'prospect_suppressed' });
    assert.deepEqual(ended.map((e) => e.id), [...ids].sort());
  });

  it('waits for an end in progress, then ends nothing it already ended', async () => {
    const { campaignId, ids } = await enrollments(['active', 'active', 'active']);
    const which = { where: `e.campaign_id = $1`, params: [campaignId] };
    const first = dataSource.createQueryRunner();
    await first.connect();
    try {
      await first.startTransaction();
      const byFirst = await endEnrollments(first.manager, which, { status: 'bounced', reason: 'hard_bounce' });
      assert.equal(byFirst.length, 3);
      let secondDone = false;
      const second = dataSource.transaction(async (manager) => {
        const ended = await endEnrollments(manager, which, { status: 'stopped', reason: 'campaign_stopped' });
        secondDone = true;
        return ended;
      });
      // The second blocks on the first's row locks until it commits.
      await waitUntilBlocked(dataSource);
      assert.equal(secondDone, false);
      await first.commitTransaction();
      assert.deepEqual(await second, []);
      assert.deepEqual((await rowsOf(ids)).map((row: { stop_reason: string }) => row.stop_reason), ['hard_bounce', 'hard_bounce', 'hard_bounce']);
    } finally {
      if (first.isTransactionActive) await first.rollbackTransaction();
      await first.release();
    }
  });
});

/** Until some session of this database waits on a lock. */
function waitUntilBlocked(dataSource: DataSource): Promise<true> {
  return eventually('a session waiting on a lock', async () => {
    const [row] = await dataSource.query(
      `SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    return row.n > 0 ? true : undefined;
  });
}
