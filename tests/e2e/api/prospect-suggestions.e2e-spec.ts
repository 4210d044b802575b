import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { WorkflowNotFoundError } from '@temporalio/client';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { createCampaign, createMailbox } from '../../support/api-fixtures';
import { TestApi, TestAccount } from '../../support/test-api';

/**
 * The colleagues referrals offered, through the API: list, accept in one call (prospect + enrollment,
 * its workflow started; no worker runs here, so it stays pending), dismiss, and every refusal.
 * Suggestions are written as a recorded referral leaves them (see referrals.int-spec.ts).
 */
describe('prospect suggestions API', () => {
  let api: TestApi;
  let smtp: SmtpCapture;
  let account: TestAccount;
  let other: TestAccount;
  let campaignId: string;
  let departedId: string;

  before(async () => {
    [api, smtp] = await Promise.all([TestApi.start(), startSmtpCapture()]);
    account = await api.newAccount('suggestions');
    other = await api.newAccount('other');
    campaignId = await createCampaign(account, await createMailbox(account, smtp, 1));
    // Launched long ago: a referral answers an email the campaign sent.
    await api.dataSource.query(`UPDATE campaigns SET status = 'active' WHERE id = $1`, [campaignId]);
    const departed = await account.call('POST', '/v1/prospects', { email: 'jane@acme.example', firstName: 'Jane', company: 'Acme SA' });
    departedId = departed.body.id;
  });
  after(async () => {
    await api?.close();
    await smtp?.stop();
  });

  async function suggest(email: string, name: string | null = null, owner: TestAccount = account): Promise<string> {
    const [row] = await api.dataSource.query(
      `INSERT INTO prospect_suggestions (account_id, campaign_id, departed_prospect_id, email, name) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
      [owner.accountId, campaignId, departedId, email, name],
    );
    return row.id;
  }

  async function workflowExists(workflowId: string): Promise<boolean> {
    try {
      await api.temporal.workflow.getHandle(workflowId).describe();
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  it('needs an API key on every route', async () => {
    const id = randomUUID();
    for (const [method, path] of [
      ['GET', '/v1/prospect-suggestions'], ['POST', `/v1/prospect-suggestions/${id}/accept`], ['POST', `/v1/prospect-suggestions/${id}/dismiss`],
    ]) {
      const res = await api.request(method, path);
      assert.equal(res.status, 401, `${method} ${path}`);
      assert.equal(res.body.error.code, 'unauthorized');
    }
  });

  it('lists the pending suggestions a page at a time, newest first, only the account\'s own', async () => {
    const older = await suggest('list.one@acme.example', 'One');
    const newer = await suggest('list.two@acme.example', 'Two');
    await suggest('foreign@acme.example', null, other);
    const first = await account.call('GET', '/v1/prospect-suggestions?status=pending&limit=1');
    assert.equal(first.status, 200, first.text);
    assert.deepEqual(first.body.data.map((s: { id: string }) => s.id), [newer]);
    assert.deepEqual(
      Object.keys(first.body.data[0]).sort(),
      ['campaignId', 'createdAt', 'createdProspectId', 'decidedAt', 'departedProspectId', 'email', 'enrollmentId', 'id', 'name',
        'sourceInboundMessageId', 'status'],
    );
    const second = await account.call('GET', `/v1/prospect-suggestions?status=pending&limit=1&after=${first.body.nextCursor}`);
    assert.deepEqual(second.body.data.map((s: { id: string }) => s.id), [older]);
    const all = await account.call('GET', '/v1/prospect-suggestions?limit=200');
    assert.ok(!all.text.includes('foreign@'), "another account's suggestion is not listed");
  });

  for (const [query, field] of [['status=maybe', 'status'], ['limit=0', 'limit'], [`after=${randomUUID()}`, 'after'], ['after=x', 'after']]) {
    it(`answers 400 naming ${field} for ?${query}`, async () => {
      const res = await account.call('GET', `/v1/prospect-suggestions?${query}`);
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error.field, field);
    });
  }

  it('accepts in one call: the prospect (name split, company of the one who left) enrolled in the same campaign; twice is 409', async () => {
    const id = await suggest('paul.martin@acme.example', 'Paul Martin');
    const res = await account.call('POST', `/v1/prospect-suggestions/${id}/accept`);
    assert.equal(res.status, 201, res.text);
    const { suggestion, prospect, enrollment } = res.body;
    assert.deepEqual(
      [prospect.email, prospect.firstName, prospect.lastName, prospect.company, prospect.status],
      ['paul.martin@acme.example', 'Paul', 'Martin', 'Acme SA', 'active'],
    );
    assert.deepEqual([enrollment.prospectId, enrollment.status], [prospect.id, 'active']);
    assert.deepEqual(
      [suggestion.status, suggestion.createdProspectId, suggestion.enrollmentId],
      ['accepted', prospect.id, enrollment.id],
    );
    const enrollments = await account.call('GET', `/v1/campaigns/${campaignId}/enrollments`);
    assert.ok(enrollments.body.data.some((e: { id: string }) => e.id === enrollment.id), "listed among the campaign's enrollments");
    assert.equal(await workflowExists(enrollment.workflowId), true, 'its sequence was started');

    const twice = await account.call('POST', `/v1/prospect-suggestions/${id}/accept`, { enroll: true });
    assert.equal(twice.status, 409, twice.text);
    assert.deepEqual(twice.body.error, { code: 'conflict', message: 'this suggestion was already accepted' });
    const dismissed = await account.call('POST', `/v1/prospect-suggestions/${id}/dismiss`);
    assert.equal(dismissed.status, 409, 'an accepted suggestion cannot be dismissed');
  });

  it('only creates the prospect with { "enroll": false }', async () => {
    const id = await suggest('solo@acme.example');
    const res = await account.call('POST', `/v1/prospect-suggestions/${id}/accept`, { enroll: false });
    assert.equal(res.status, 201, res.text);
    assert.deepEqual([res.body.prospect.email, res.body.prospect.firstName, res.body.enrollment], ['solo@acme.example', null, null]);
  });

  it('answers 409 suppressed for an address on the suppression list, and creates nothing', async () => {
    const id = await suggest('blocked@acme.example');
    await account.call('POST', '/v1/suppressions', { email: 'blocked@acme.example' });
    const res = await account.call('POST', `/v1/prospect-suggestions/${id}/accept`);
    assert.equal(res.status, 409, res.text);
    assert.deepEqual([res.body.error.code, res.body.error.field], ['suppressed', 'email']);
    const prospects = await account.call('GET', '/v1/prospects?limit=200');
    assert.ok(!prospects.text.includes('blocked@acme.example'));
    assert.equal((await account.call('GET', '/v1/prospect-suggestions?status=pending')).body.data.some((s: { id: string }) => s.id === id), true);
  });

  it('answers 409 naming enroll for a stopped campaign, which { "enroll": false } still accepts', async () => {
    const stoppedCampaign = await createCampaign(account, await createMailbox(account, smtp, 2));
    await api.dataSource.query(`UPDATE campaigns SET status = 'stopped' WHERE id = $1`, [stoppedCampaign]);
    const [row] = await api.dataSource.query(
      `INSERT INTO prospect_suggestions (account_id, campaign_id, email) VALUES ($1, $2, 'late@acme.example') RETURNING id`,
      [account.accountId, stoppedCampaign],
    );
    const res = await account.call('POST', `/v1/prospect-suggestions/${row.id}/accept`);
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.error.field, 'enroll');
    const only = await account.call('POST', `/v1/prospect-suggestions/${row.id}/accept`, { enroll: false });
    assert.equal(only.status, 201, only.text);
    assert.equal(only.body.prospect.company, null, 'no departed prospect to copy a company from');
  });

  it('dismisses (again: the same answer), after which accepting is 409', async () => {
    const id = await suggest('nope@acme.example');
    const res = await account.call('POST', `/v1/prospect-suggestions/${id}/dismiss`);
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.status, 'dismissed');
    assert.equal((await account.call('POST', `/v1/prospect-suggestions/${id}/dismiss`)).status, 200);
    const accept = await account.call('POST', `/v1/prospect-suggestions/${id}/accept`);
    assert.deepEqual([accept.status, accept.body.error.message], [409, 'this suggestion was already dismissed']);
  });

  it("answers 404 for another account's suggestion, and 400 for a bad id or body", async () => {
    const foreign = await suggest('theirs@acme.example', null, other);
    for (const action of ['accept', 'dismiss']) {
      const res = await account.call('POST', `/v1/prospect-suggestions/${foreign}/${action}`);
      assert.equal(res.status, 404, `${action}: ${res.text}`);
      assert.equal(res.body.error.code, 'not_found');
    }
    const badId = await account.call('POST', '/v1/prospect-suggestions/nope/accept');
    assert.equal(badId.status, 400);
    const badBody = await account.call('POST', `/v1/prospect-suggestions/${foreign}/accept`, { enroll: 'yes' });
    assert.deepEqual([badBody.status, badBody.body.error.field], [400, 'enroll']);
    const [row] = await api.dataSource.query(`SELECT status FROM prospect_suggestions WHERE id = $1`, [foreign]);
    assert.equal(row.status, 'pending', 'untouched');
  });
});
