import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { AppConfig } from '@relance/config';
import { AccountRepository } from '@relance/db/repositories/account.repository';
import { issueApiKey } from '../../../apps/api/src/auth/bootstrap-account';
import { ApiResponse, TestApi } from '../../support/test-api';

const LIMIT = 5;
const EXPENSIVE_LIMIT = 2;
const WINDOW_SECONDS = 60;

/** The four numbers a client reads off an answer. */
function limitsOf(res: ApiResponse) {
  const header = (name: string) => res.headers.get(name);
  return {
    limit: header('ratelimit-limit'), remaining: header('ratelimit-remaining'), reset: Number(header('ratelimit-reset')),
    policy: header('ratelimit-policy'),
  };
}

/**
 * Per-key rate limits, against two API processes on one database, both configured with a tiny
 * budget (5 requests a minute, 2 for expensive routes) so the suite reaches it quickly. Each
 * test takes a fresh account: keys never share a count.
 */
describe('API rate limits', () => {
  let api: TestApi;
  let twin: TestApi;

  before(async () => {
    const tiny = (config: AppConfig): AppConfig => ({
      ...config, rateLimits: { perKey: LIMIT, expensivePerKey: EXPENSIVE_LIMIT, windowMs: WINDOW_SECONDS * 1000 },
    });
    api = await TestApi.start(tiny);
    twin = await TestApi.start(tiny);
  });
  after(async () => {
    await api?.close();
    await twin?.close();
  });

  it('says on every answer, errors included, how many requests are left and when the window resets', async () => {
    const account = await api.newAccount('headers');
    const answers = [
      await account.call('GET', '/v1/prospects'),
      await account.call('GET', `/v1/prospects/${randomUUID()}`),
      await account.call('POST', '/v1/prospects', { email: 'not an address' }),
    ];
    assert.deepEqual(answers.map((res) => res.status), [200, 404, 400]);
    assert.deepEqual(answers.map((res) => limitsOf(res).remaining), ['4', '3', '2']);
    for (const res of answers) {
      const { limit, reset, policy } = limitsOf(res);
      assert.equal(limit, String(LIMIT));
      assert.ok(reset >= 1 && reset <= WINDOW_SECONDS, `reset ${reset}`);
      assert.equal(policy, `"per-key";q=${LIMIT};w=${WINDOW_SECONDS}`);
      assert.match(res.headers.get('ratelimit') ?? '', /^"per-key";r=\d;t=\d+$/);
    }
  });

  it('answers 429 with Retry-After and the error JSON once the key\'s budget is spent', async () => {
    const account = await api.newAccount('spent');
    for (let i = 0; i < LIMIT; i++) assert.equal((await account.call('GET', '/v1/mailboxes')).status, 200);
    const res = await account.call('GET', '/v1/mailboxes');
    assert.equal(res.status, 429);
    const retryAfter = Number(res.headers.get('retry-after'));
    assert.ok(Number.isInteger(retryAfter) && retryAfter >= 1 && retryAfter <= WINDOW_SECONDS, `Retry-After ${retryAfter}`);
    assert.equal(res.body.error.code, 'rate_limited');
    assert.match(res.body.error.message, new RegExp(`^Rate limit exceeded: ${LIMIT} requests per ${WINDOW_SECONDS} s for this API key; retry in \\d+ s`));
    assert.equal(limitsOf(res).remaining, '0');
    // A refused request creates nothing either.
    const refused = await account.call('POST', '/v1/suppressions', { domain: 'refused.test' });
    assert.equal(refused.status, 429);
    const [{ count }] = await api.dataSource.query(
      `SELECT count(*)::int AS count FROM suppressions WHERE account_id = $1`, [account.accountId]);
    assert.equal(count, 0);
  });

  it('counts each key apart: the account\'s other key and another account keep their budgets', async () => {
    const account = await api.newAccount('per-key');
    for (let i = 0; i < LIMIT; i++) await account.call('GET', '/v1/mailboxes');
    assert.equal((await account.call('GET', '/v1/mailboxes')).status, 429);
    const second = await issueApiKey(api.dataSource, { accountId: account.accountId, name: 'second' });
    const other = await api.newAccount('neighbour');
    const bySecond = await api.request('GET', '/v1/mailboxes', { key: second.apiKey });
    const byOther = await other.call('GET', '/v1/mailboxes');
    assert.deepEqual([bySecond.status, limitsOf(bySecond).remaining], [200, String(LIMIT - 1)]);
    assert.deepEqual([byOther.status, limitsOf(byOther).remaining], [200, String(LIMIT - 1)]);
  });

  it('shares one count between two API processes on the same database', async () => {
    const account = await api.newAccount('two-processes');
    const remaining: (string | null)[] = [];
    for (let i = 0; i < LIMIT; i++) {
      const server = i % 2 === 0 ? api : twin;
      const res = await server.request('GET', '/v1/mailboxes', { key: account.apiKey });
      assert.equal(res.status, 200);
      remaining.push(limitsOf(res).remaining);
    }
    assert.deepEqual(remaining, ['4', '3', '2', '1', '0']);
    assert.equal((await twin.request('GET', '/v1/mailboxes', { key: account.apiKey })).status, 429);
    assert.equal((await api.request('GET', '/v1/mailboxes', { key: account.apiKey })).status, 429);
    const rows = await api.dataSource.query(`SELECT points FROM api_rate_limits WHERE key = $1`, [`per-key:${account.apiKeyId}`]);
    assert.equal(rows.length, 1, 'the count lives in PostgreSQL');
    assert.ok(rows[0].points > LIMIT);
  });

  it('gives expensive routes a lower budget of their own, on top of the general one', async () => {
    const account = await api.newAccount('expensive');
    const batch = (n: number) => account.call('POST', '/v1/prospects/batch', { prospects: [{ email: `p${n}@expensive.test` }] });
    const first = await batch(1);
    assert.equal(first.status, 200, first.text);
    assert.equal(first.headers.get('ratelimit-policy'), `"per-key";q=${LIMIT};w=${WINDOW_SECONDS}, "expensive";q=${EXPENSIVE_LIMIT};w=${WINDOW_SECONDS}`);
    assert.deepEqual([limitsOf(first).limit, limitsOf(first).remaining], [String(EXPENSIVE_LIMIT), '1']);
    assert.equal((await batch(2)).status, 200);
    const refused = await batch(3);
    assert.equal(refused.status, 429);
    assert.ok(Number(refused.headers.get('retry-after')) >= 1);
    assert.match(refused.body.error.message, new RegExp(`^Rate limit exceeded: ${EXPENSIVE_LIMIT} launch, batch and export requests per`));
    // The general budget still has room for ordinary requests.
    const ordinary = await account.call('GET', '/v1/prospects');
    assert.deepEqual([ordinary.status, limitsOf(ordinary).remaining], [200, '1']);
    assert.equal(ordinary.body.data.length, 2, 'the refused batch created nothing');
  });

  it('leaves public routes to their own protections: no key, no count', async () => {
    for (let i = 0; i < LIMIT + 2; i++) {
      const res = await api.request('GET', '/v1/subprocessors');
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('ratelimit-limit'), null);
    }
  });

  it('refuses a revoked key at once, whatever budget it had left', async () => {
    const account = await api.newAccount('revoked');
    const spare = await issueApiKey(api.dataSource, { accountId: account.accountId, name: 'spare' });
    const before = await api.request('GET', '/v1/mailboxes', { key: spare.apiKey });
    assert.deepEqual([before.status, limitsOf(before).remaining], [200, String(LIMIT - 1)]);
    assert.equal(await new AccountRepository(api.dataSource).revokeApiKey(account.accountId, spare.apiKeyId), true);
    for (const server of [api, twin]) {
      const res = await server.request('GET', '/v1/mailboxes', { key: spare.apiKey });
      assert.equal(res.status, 401);
      assert.equal(res.body.error.code, 'unauthorized');
      assert.equal(res.headers.get('ratelimit-limit'), null);
    }
  });
});
