import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@relance/db';
import { testEnv } from '../../harness/env';
import { eventually } from '../../support/api-client';
import { TestAccount, TestApi } from '../../support/test-api';

const FIREFOX = 'Mozilla/5.0 (X11; Linux x86_64; rv:133.0) Gecko/20100101 Firefox/133.0';

/** The API's request log table: what a request leaves there, and what it never does. */
describe('request log', () => {
  let api: TestApi;
  let account: TestAccount;
  let db: DataSource;

  before(async () => {
    db = await createDataSource(testEnv().databaseUrl, { poolSize: 1 }).initialize();
    // Behind a proxy on loopback, the client's address comes from X-Forwarded-For.
    api = await TestApi.start((config) => ({ ...config, api: { ...config.api, trustProxy: ['loopback'] } }));
    account = await api.newAccount('request-log');
  });
  after(async () => {
    await api?.close();
    await db?.destroy();
  });

  const rowsOf = (accountId: string, expected: number) =>
    eventually(`${expected} request log rows`, async () => {
      const rows = await db.query(`SELECT * FROM request_logs WHERE account_id = $1 ORDER BY occurred_at`, [accountId]);
      return rows.length >= expected ? rows : undefined;
    }, 10_000);

  it('writes the route pattern, the caller, the anonymised network, its country and the browser family', async () => {
    const prospectId = randomUUID();
    const email = `someone-${randomUUID()}@example.com`;
    const headers = { authorization: `Bearer ${account.apiKey}`, 'user-agent': FIREFOX, 'x-forwarded-for': '8.8.8.8' };
    // A query string holding an address (refused or not, it must not reach the log).
    const list = await fetch(`${api.baseUrl}/v1/prospects?limit=5&search=${encodeURIComponent(email)}`, { headers });
    assert.ok([200, 400].includes(list.status), await list.text());
    const one = await fetch(`${api.baseUrl}/v1/prospects/${prospectId}`, { headers });
    assert.equal(one.status, 404);

    const rows = await rowsOf(account.accountId, 2);
    assert.deepEqual(rows.map((row: any) => [row.method, row.route, row.status]), [
      ['GET', '/v1/prospects', list.status],
      ['GET', '/v1/prospects/:id', 404],
    ]);
    for (const row of rows) {
      assert.equal(row.ip, '8.8.8.0', 'the /24, never the address');
      assert.equal(row.country, 'US');
      assert.equal(row.browser, 'Firefox');
      assert.equal(row.api_key_id, account.apiKeyId);
      assert.equal(row.user_id, account.userId);
      assert.equal(row.staff_user_id, null);
      assert.ok(row.duration_ms >= 0);
      // Nothing of the raw URL: no query string, no address, no path id, no User-Agent string.
      const stored = JSON.stringify(row);
      for (const secret of [email, 'search=', prospectId, '8.8.8.8', 'Gecko', '?']) {
        assert.ok(!stored.includes(secret), `${secret} is not stored: ${stored}`);
      }
    }
  });

  it('logs refused requests too, with no caller and so no network (nothing could erase it)', async () => {
    const marker = randomUUID();
    const started = new Date();
    const headers = { 'user-agent': 'curl/8.5.0', 'x-forwarded-for': '8.8.4.4' };
    const res = await fetch(`${api.baseUrl}/v1/campaigns?marker=${marker}`, { headers });
    assert.equal(res.status, 401);
    const row = await eventually('the 401 logged', async () => {
      const [found] = await db.query(
        `SELECT * FROM request_logs WHERE occurred_at >= $1 AND route = '/v1/campaigns' AND status = 401 AND browser = 'curl'`,
        [started],
      );
      return found;
    }, 10_000);
    assert.equal(row.account_id, null);
    assert.equal(row.ip, null);
    assert.equal(row.country, 'US', 'a country alone points at nobody');
    assert.ok(!JSON.stringify(row).includes(marker));
  });

  it('keeps an IPv6 caller\'s /48', async () => {
    const res = await fetch(`${api.baseUrl}/v1/campaigns`, {
      headers: { authorization: `Bearer ${account.apiKey}`, 'x-forwarded-for': '2001:db8:1234:5678::1' },
    });
    assert.equal(res.status, 200);
    const rows = await rowsOf(account.accountId, 3);
    assert.equal(rows[2].route, '/v1/campaigns');
    assert.equal(rows[2].ip, '2001:db8:1234::');
  });

  it('writes what is still pending when the API shuts down, however long the flush interval', async () => {
    const quiet = await TestApi.start((config) => ({ ...config, requestLog: { flushIntervalMs: 3_600_000, batchSize: 10_000 } }));
    const own = await quiet.newAccount('request-log-shutdown');
    assert.equal((await own.call('GET', '/v1/campaigns')).status, 200);
    const [{ count: before }] = await db.query(`SELECT count(*)::int AS count FROM request_logs WHERE account_id = $1`, [own.accountId]);
    assert.equal(before, 0, 'not written yet: batched for an hour');
    await quiet.close();
    const [{ count: afterClose }] = await db.query(`SELECT count(*)::int AS count FROM request_logs WHERE account_id = $1`, [own.accountId]);
    assert.equal(afterClose, 1);
  });
});
