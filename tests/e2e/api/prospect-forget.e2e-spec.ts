import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TestAccount, TestApi } from '../../support/test-api';

/** "Forget this prospect": POST /v1/prospects/{id}/forget erases and blacklists in one call. */
describe('forget a prospect (API)', () => {
  let api: TestApi;
  let account: TestAccount;
  let other: TestAccount;

  before(async () => {
    api = await TestApi.start();
    account = await api.newAccount('forget');
    other = await api.newAccount('forget-other');
  });
  after(() => api?.close());

  const create = async (who: TestAccount, email: string, firstName = 'Henrietta') => {
    const res = await who.call('POST', '/v1/prospects', { email, firstName, lastName: 'Swan', company: 'Harvard' });
    assert.equal(res.status, 201, res.text);
    return res.body.id as string;
  };

  it('needs an API key', async () => {
    const res = await api.request('POST', `/v1/prospects/${randomUUID()}/forget`);
    assert.equal(res.status, 401);
    assert.equal(res.body.error.code, 'unauthorized');
  });

  it('refuses an id that is not one (400) and another account\'s prospect (404), which stays as it was', async () => {
    const bad = await account.call('POST', '/v1/prospects/not-an-id/forget');
    assert.equal(bad.status, 400, bad.text);
    const theirs = await create(other, 'kept.by.other@forget.test');
    const res = await account.call('POST', `/v1/prospects/${theirs}/forget`);
    assert.equal(res.status, 404, res.text);
    assert.equal(res.body.error.code, 'not_found');
    assert.equal((await other.call('GET', `/v1/prospects/${theirs}`)).status, 200, 'still there for its own account');
  });

  it('erases the prospect, answers with counts only, and refuses the address afterwards (409 suppressed)', async () => {
    const email = 'henrietta.leavitt@forget.test';
    const id = await create(account, email);
    const colleague = await create(account, 'annie.cannon@forget.test', 'Annie');

    const res = await account.call('POST', `/v1/prospects/${id}/forget`);
    assert.equal(res.status, 200, res.text);
    assert.match(res.body.requestId, /^[0-9a-f-]{36}$/);
    assert.deepEqual(res.body.counts, {
      idempotency_keys: 0, webhook_delivery_attempts: 0, webhook_deliveries: 0, enrichment_results: 0, import_refusals: 0, import_job_prospects: 0, prospect_suggestions: 0, tracking_events: 0, tasks: 0, inbound_messages: 0, messages: 0, enrollments: 0, prospects: 1,
    });
    assert.deepEqual(res.body.workflows, { terminated: 0, deletedRuns: 0 });
    for (const clear of ['henrietta', 'leavitt', 'swan', 'harvard']) assert.ok(!res.text.toLowerCase().includes(clear), clear);

    assert.equal((await account.call('GET', `/v1/prospects/${id}`)).status, 404);
    assert.equal((await account.call('GET', `/v1/prospects/${colleague}`)).status, 200, 'the colleague stays');

    // Never added again, however the address is spelled; other accounts are not concerned.
    const again = await account.call('POST', '/v1/prospects', { email: ' Henrietta.Leavitt@FORGET.test ' });
    assert.equal(again.status, 409, again.text);
    assert.equal(again.body.error.code, 'suppressed');
    assert.equal(again.body.error.field, 'email');
    const batch = await account.call('POST', '/v1/prospects/batch', {
      prospects: [{ email: 'new.one@forget.test' }, { email }],
    });
    assert.equal(batch.status, 200, batch.text);
    assert.deepEqual(batch.body.created.map((p: { email: string }) => p.email), ['new.one@forget.test']);
    assert.deepEqual(batch.body.errors.map((e: { index: number; code: string; field: string }) => [e.index, e.code, e.field]), [[1, 'suppressed', 'email']]);
    assert.equal((await other.call('POST', '/v1/prospects', { email })).status, 201);

    // The suppression list keeps the hash (never the address), with the reason.
    const check = await account.call('GET', `/v1/suppressions/check?email=${encodeURIComponent(email)}`);
    assert.equal(check.status, 200, check.text);
    assert.equal(check.body.suppressed, true);
    assert.equal(check.body.reason, 'erasure');

    // Gone already: a second call finds nothing to forget.
    assert.equal((await account.call('POST', `/v1/prospects/${id}/forget`)).status, 404);
  });

  it('is documented in the OpenAPI description', async () => {
    const docs = await api.request('GET', '/docs-json');
    const operation = docs.body.paths['/v1/prospects/{id}/forget']?.post;
    assert.ok(operation, 'the route is described');
    assert.ok(operation.responses['200'] && operation.responses['404'] && operation.responses['401']);
  });
});
