import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { RetentionRepository } from '@relance/privacy/retention/retention.repository';
import { requestHash } from '../../../apps/api/src/idempotency/idempotency-rules';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { createCampaign, createMailbox, createProspect } from '../../support/api-fixtures';
import { ApiResponse, TestAccount, TestApi } from '../../support/test-api';

/** Every create and launch route: each takes Idempotency-Key. */
const IDEMPOTENT = [
  'POST /v1/account/exports',
  'POST /v1/billing/checkout',
  'POST /v1/billing/portal',
  'POST /v1/campaigns',
  'POST /v1/campaigns/{id}/launch',
  'POST /v1/enrichment-jobs',
  'POST /v1/hooks',
  'POST /v1/imports/{id}/enrichment',
  'POST /v1/imports/{id}/start',
  'POST /v1/invitations',
  'POST /v1/mailboxes',
  'POST /v1/prospect-suggestions/{id}/accept',
  'POST /v1/prospects',
  'POST /v1/prospects/batch',
  'POST /v1/prospects/{id}/privacy-requests',
  'POST /v1/support/conversations',
  'POST /v1/support/conversations/{id}/messages',
  'POST /v1/suppressions',
  'POST /v1/webhook-endpoints',
];
/** The public POST routes: no API key, so no account to scope a key by (they keep their own protections). */
const PUBLIC = [
  'POST /v1/billing/webhook', 'POST /v1/privacy-requests', 'POST /v1/privacy-requests/certificates/verify', 'POST /v1/privacy-requests/verify/{token}',
  'POST /v1/signups', 'POST /v1/signups/verify', 'POST /v1/invitations/accept',
];
/** The other POST routes an API key opens: actions on something that exists, creating nothing. */
const ACTIONS = [
  'POST /v1/account/closure',
  'POST /v1/account/closure/cancel',
  // Creates a key, but its answer is the key itself: storing it for a replay would keep the key
  // in clear, which Relance never does. A retry makes a spare key, listed and revocable.
  'POST /v1/api-keys',
  'POST /v1/campaigns/{id}/{action}',
  // A lookup: it creates nothing and stores nothing.
  'POST /v1/email-finder',
  'POST /v1/enrollments/{id}/{action}',
  // A multipart upload: its body is streamed to storage, never held to be hashed. A repeated
  // upload makes a second job that waits for its own start (which is idempotent).
  'POST /v1/imports',
  'POST /v1/prospect-suggestions/{id}/dismiss',
  'POST /v1/prospects/bulk',
  'POST /v1/prospects/{id}/forget',
  'POST /v1/prospects/{id}/tags',
  'POST /v1/tasks/{id}/done',
  'POST /v1/tasks/{id}/skip',
  'POST /v1/webhook-deliveries/{id}/retry',
  // A rotation answers a new secret each time: a replay would hand back one no longer in use.
  'POST /v1/webhook-endpoints/{id}/rotate-secret',
];

/** Idempotency-Key on create and launch routes, against the real API and PostgreSQL. */
describe('Idempotency-Key', () => {
  let api: TestApi;
  let smtp: SmtpCapture;
  let account: TestAccount;

  before(async () => {
    [api, smtp] = await Promise.all([TestApi.start(), startSmtpCapture()]);
    account = await api.newAccount('idempotency');
  });
  after(async () => {
    await api?.close();
    await smtp?.stop();
  });

  const post = (who: TestAccount, path: string, key: string, body: unknown) =>
    api.request('POST', path, { key: who.apiKey, body, headers: { 'idempotency-key': key } });
  const count = async (sql: string, ...params: unknown[]) => (await api.dataSource.query(sql, params))[0].count as number;
  const prospectsNamed = (who: TestAccount, email: string) =>
    count(`SELECT count(*)::int AS count FROM prospects WHERE account_id = $1 AND email = $2`, who.accountId, email);

  it('replays the first answer to a repeat, status and body alike, and creates nothing twice', async () => {
    const key = randomUUID();
    const body = { email: 'ada@replay.test', firstName: 'Ada', customFields: { plan: 'pro', seats: '3' } };
    const first = await post(account, '/v1/prospects', key, body);
    assert.equal(first.status, 201, first.text);
    assert.equal(first.headers.get('idempotent-replayed'), null);
    // The same request, its keys in another order: the same request all the same.
    const repeats = [
      await post(account, '/v1/prospects', key, body),
      await post(account, '/v1/prospects', key, { customFields: { seats: '3', plan: 'pro' }, firstName: 'Ada', email: 'ada@replay.test' }),
    ];
    for (const repeat of repeats) {
      assert.equal(repeat.status, 201);
      assert.equal(repeat.text, first.text);
      assert.equal(repeat.headers.get('idempotent-replayed'), 'true');
    }
    assert.equal(await prospectsNamed(account, 'ada@replay.test'), 1);
    // The answer kept for replays is sealed: the row does not show the address ('@' is not base64).
    const [row] = await api.dataSource.query(`SELECT response_body::text AS body FROM idempotency_keys WHERE account_id = $1 AND key = $2`, [account.accountId, key]);
    assert.ok(row.body.includes('ciphertext'), row.body);
    assert.ok(!row.body.includes('ada@replay.test'), 'no answer in clear');
  });

  it('keeps the status the handler chose (an existing suppression is a 200) when it replays', async () => {
    await account.call('POST', '/v1/suppressions', { domain: 'already.test' });
    const key = randomUUID();
    const first = await post(account, '/v1/suppressions', key, { domain: 'already.test' });
    const repeat = await post(account, '/v1/suppressions', key, { domain: 'already.test' });
    assert.deepEqual([first.status, repeat.status], [200, 200]);
    assert.equal(repeat.text, first.text);
  });

  it('replays a launch instead of launching twice (a second launch without the key is a 409)', async () => {
    const launcher = await api.newAccount('launch');
    const campaignId = await createCampaign(launcher, await createMailbox(launcher, smtp, 1));
    const prospectId = await createProspect(launcher, 'kim@launch.test');
    const key = randomUUID();
    const path = `/v1/campaigns/${campaignId}/launch`;
    const first = await post(launcher, path, key, { prospectIds: [prospectId] });
    assert.equal(first.status, 202, first.text);
    const repeat = await post(launcher, path, key, { prospectIds: [prospectId] });
    assert.deepEqual([repeat.status, repeat.text, repeat.headers.get('idempotent-replayed')], [202, first.text, 'true']);
    const unkeyed = await launcher.call('POST', path, { prospectIds: [prospectId] });
    assert.equal(unkeyed.status, 409, 'a real second launch is refused while the first runs: the repeat did not launch');
  });

  it('refuses the same key with another body with a 422, doing nothing', async () => {
    const key = randomUUID();
    assert.equal((await post(account, '/v1/prospects', key, { email: 'bob@reuse.test' })).status, 201);
    const reused = await post(account, '/v1/prospects', key, { email: 'carl@reuse.test' });
    assert.equal(reused.status, 422);
    assert.equal(reused.body.error.code, 'idempotency_key_reused');
    assert.equal(reused.body.error.field, 'Idempotency-Key');
    assert.match(reused.body.error.message, /already used with a different request/);
    assert.equal(await prospectsNamed(account, 'carl@reuse.test'), 0);
    // Another route with the same key is another request too.
    assert.equal((await post(account, '/v1/suppressions', key, { email: 'bob@reuse.test' })).status, 422);
  });

  it('answers concurrent duplicates once: the others replay it or are told to retry (409)', async () => {
    const key = randomUUID();
    const body = { subject: 'Invoices', body: 'Where are my invoices?' };
    const answers = await Promise.all(Array.from({ length: 6 }, () => post(account, '/v1/support/conversations', key, body)));
    const fresh = answers.filter((res) => res.status === 201 && res.headers.get('idempotent-replayed') === null);
    assert.equal(fresh.length, 1, answers.map((res) => `${res.status} ${res.text}`).join('\n'));
    for (const res of answers.filter((r) => r !== fresh[0])) {
      if (res.status === 201) {
        assert.equal(res.text, fresh[0].text);
        assert.equal(res.headers.get('idempotent-replayed'), 'true');
      } else {
        assert.equal(res.status, 409);
        assert.equal(res.body.error.code, 'idempotency_key_in_flight');
        assert.match(res.body.error.message, /retry later/);
      }
    }
    const conversations = await count(
      `SELECT count(*)::int AS count FROM support_conversations WHERE account_id = $1 AND subject = 'Invoices'`, account.accountId);
    assert.equal(conversations, 1);
    // Once done, a retry gets the answer.
    const retry = await post(account, '/v1/support/conversations', key, body);
    assert.deepEqual([retry.status, retry.text], [201, fresh[0].text]);
  });

  it('tells a repeat to retry later while the first still runs (409), and takes over a key its dead process left', async () => {
    const key = randomUUID();
    const body = { email: 'lea@in-flight.test' };
    // What a request still running in another API process leaves in the table.
    await api.dataSource.query(
      `INSERT INTO idempotency_keys (account_id, key, request_hash, state, expires_at) VALUES ($1, $2, $3, 'in_flight', now() + interval '1 day')`,
      [account.accountId, key, requestHash('POST', '/v1/prospects', body)],
    );
    const busy = await post(account, '/v1/prospects', key, body);
    assert.equal(busy.status, 409);
    assert.deepEqual([busy.body.error.code, busy.body.error.field], ['idempotency_key_in_flight', 'Idempotency-Key']);
    assert.equal(await prospectsNamed(account, 'lea@in-flight.test'), 0);
    // Still in flight 10 minutes later: its process died; the same request may run now.
    await api.dataSource.query(
      `UPDATE idempotency_keys SET created_at = now() - interval '10 minutes' WHERE account_id = $1 AND key = $2`, [account.accountId, key]);
    assert.equal((await post(account, '/v1/prospects', key, body)).status, 201);
    assert.equal(await prospectsNamed(account, 'lea@in-flight.test'), 1);
  });

  it('refuses an empty, overlong or non-printable key with a 400 naming the header, creating nothing', async () => {
    const cases: [string, RegExp][] = [
      ['', /must not be empty/],
      ['k'.repeat(256), /at most 255 characters/],
      ['tab\there', /printable ASCII/],
      ['clé', /printable ASCII/],
    ];
    for (const [key, message] of cases) {
      const res = await post(account, '/v1/prospects', key, { email: 'dora@bad-key.test' });
      assert.equal(res.status, 400, JSON.stringify(key));
      assert.equal(res.body.error.code, 'validation_failed');
      assert.equal(res.body.error.field, 'Idempotency-Key');
      assert.match(res.body.error.message, /^Idempotency-Key /);
      assert.match(res.body.error.message, message);
    }
    assert.equal(await prospectsNamed(account, 'dora@bad-key.test'), 0);
    assert.equal((await post(account, '/v1/prospects', 'k'.repeat(255), { email: 'dora@bad-key.test' })).status, 201);
  });

  it('scopes keys by account: another account\'s same key is its own', async () => {
    const key = `shared-${randomUUID()}`;
    const other = await api.newAccount('other');
    const mine = await post(account, '/v1/prospects', key, { email: 'eve@scope.test' });
    const theirs = await post(other, '/v1/prospects', key, { email: 'fay@scope.test' });
    assert.deepEqual([mine.status, theirs.status], [201, 201]);
    assert.equal(theirs.headers.get('idempotent-replayed'), null);
    assert.equal(theirs.body.email, 'fay@scope.test');
    assert.equal(await prospectsNamed(other, 'fay@scope.test'), 1);
  });

  it('keeps nothing for a request that failed: a corrected retry with the same key runs', async () => {
    const key = randomUUID();
    const bad = await post(account, '/v1/prospects', key, { email: 'not an address' });
    assert.equal(bad.status, 400);
    const good = await post(account, '/v1/prospects', key, { email: 'gus@retry.test' });
    assert.equal(good.status, 201, good.text);
    assert.equal(good.headers.get('idempotent-replayed'), null);
  });

  it('forgets a key once expired, and the retention job deletes the row', async () => {
    const key = randomUUID();
    assert.equal((await post(account, '/v1/prospects', key, { email: 'hal@expiry.test' })).status, 201);
    await api.dataSource.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 minute' WHERE account_id = $1 AND key = $2`, [account.accountId, key]);
    const reused = await post(account, '/v1/prospects', key, { email: 'ivy@expiry.test' });
    assert.equal(reused.status, 201, 'an expired key is a new key');
    await api.dataSource.query(
      `UPDATE idempotency_keys SET expires_at = now() - interval '1 minute' WHERE account_id = $1 AND key = $2`, [account.accountId, key]);
    assert.ok(await new RetentionRepository(api.dataSource).deleteExpiredIdempotencyKeys(new Date()) >= 1);
    assert.equal(await count(`SELECT count(*)::int AS count FROM idempotency_keys WHERE account_id = $1 AND key = $2`, account.accountId, key), 0);
  });

  it('erases a stored answer with the prospect it names', async () => {
    const key = randomUUID();
    const created = await post(account, '/v1/prospects', key, { email: 'jo@erased.test', firstName: 'Jo' });
    assert.equal(created.status, 201);
    const stored = () => count(`SELECT count(*)::int AS count FROM idempotency_keys WHERE account_id = $1 AND key = $2`, account.accountId, key);
    assert.equal(await stored(), 1);
    const forgotten: ApiResponse = await account.call('POST', `/v1/prospects/${created.body.id}/forget`);
    assert.equal(forgotten.status, 200, forgotten.text);
    assert.equal(await stored(), 0);
  });

  it('documents the header on every create and launch route, and only there', async () => {
    const document = (await api.request('GET', '/docs-json')).body;
    const withHeader: string[] = [];
    const posts: string[] = [];
    for (const [path, item] of Object.entries<any>(document.paths)) {
      const operation = item.post;
      if (!operation || !path.startsWith('/v1/') || path.startsWith('/v1/staff/')) continue;
      posts.push(`POST ${path}`);
      const header = operation.parameters?.find((p: any) => p.in === 'header' && p.name === 'Idempotency-Key');
      if (!header) continue;
      withHeader.push(`POST ${path}`);
      assert.equal(header.required, false);
      assert.equal(header.schema.maxLength, 255);
    }
    assert.deepEqual(withHeader.sort(), IDEMPOTENT);
    // A new POST route must be classified: creating (add the header) or acting.
    assert.deepEqual(posts.filter((p) => !IDEMPOTENT.includes(p) && !PUBLIC.includes(p)).sort(), ACTIONS);
  });
});
