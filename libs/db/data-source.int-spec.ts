import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client } from 'pg';
import type { DataSource } from 'typeorm';
import { testEnv } from '../../tests/harness/env';
import { createDataSource } from './data-source';

const APPLICATION = `relance-terminate-test-${process.pid}`;

/**
 * PostgreSQL may end any connection at any moment (a restart, a failover,
 * pg_terminate_backend). The queries it interrupts fail, and nothing else: an 'error' event
 * nobody listened to once ended the whole worker (found by the chaos suite). Unfixed, this
 * storm ended the test process within about half a second.
 */
describe('connections ended by PostgreSQL', () => {
  let dataSource: DataSource;
  let admin: Client;

  before(async () => {
    dataSource = await createDataSource(testEnv().databaseUrl, { poolSize: 5, applicationName: APPLICATION }).initialize();
    admin = new Client({ connectionString: testEnv().databaseUrl });
    await admin.connect();
  });

  after(async () => {
    await admin?.end();
    await dataSource?.destroy();
  });

  it('fail the queries they interrupt, never the process; the pool then serves fresh connections', async () => {
    let stormOver = false;
    let committed = 0;
    const transactions = Array.from({ length: 10 }, async () => {
      while (!stormOver) {
        await dataSource
          .transaction(async (manager) => {
            await manager.query('SELECT pg_backend_pid()');
            await new Promise((resolve) => setTimeout(resolve, Math.random() * 5));
            await manager.query('SELECT 1');
          })
          .then(() => committed++, () => undefined);
        // A pool in trouble may fail at once: yield, or the loops starve the storm's timer.
        await new Promise((resolve) => setTimeout(resolve, 1));
      }
    });
    const stormEnds = Date.now() + 2_000;
    while (Date.now() < stormEnds) {
      // New connections are ended too, some right as they come up: the narrowest window.
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [APPLICATION]);
      await new Promise((resolve) => setTimeout(resolve, 3));
    }
    stormOver = true;
    await Promise.all(transactions);
    const [{ ok }] = await dataSource.query('SELECT 1 AS ok');
    assert.equal(ok, 1);
    assert.ok(committed > 0, 'transactions went through between the terminations');
  });
});
