import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { EnrollmentRepository } from '@relance/db/repositories/enrollment.repository';
import { createCampaign, createMailbox } from '../../support/api-fixtures';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { TestApi, TestAccount } from '../../support/test-api';

/** GET /v1/prospects: filters (status, campaign, tag, restricted, free text), an opaque cursor, bad values named. */
describe('prospect list filters', () => {
  let api: TestApi;
  let smtp: SmtpCapture;
  let account: TestAccount;
  const ids: Record<string, string> = {};

  before(async () => {
    [api, smtp] = await Promise.all([TestApi.start(), startSmtpCapture()]);
    account = await api.newAccount('lister');
    const people: [string, Record<string, unknown>][] = [
      ['ada', { email: 'ada@engines.test', firstName: 'Ada', lastName: 'Lovelace', company: 'Analytical Engines', tags: ['VIP', 'london'] }],
      ['alan', { email: 'alan@bletchley.test', firstName: 'Alan', lastName: 'Turing', company: 'Bletchley Park', tags: ['london'] }],
      ['grace', { email: 'grace@navy.test', firstName: 'Grace', lastName: 'Hopper', company: 'US Navy', tags: ['vip'] }],
      ['edsger', { email: 'edsger@tue.test', firstName: 'Edsger', lastName: 'Dijkstra', company: '100% Structured_Programming' }],
      ['barbara', { email: 'barbara.liskov@mit.test', firstName: 'Barbara', company: 'MIT' }],
    ];
    for (const [name, body] of people) {
      const res = await account.call('POST', '/v1/prospects', body);
      assert.equal(res.status, 201, res.text);
      ids[name] = res.body.id;
    }
    // Statuses change through replies and bounces: set here as those paths would.
    await api.dataSource.query(`UPDATE prospects SET status = 'replied' WHERE id = $1`, [ids.alan]);
    assert.equal((await account.call('PATCH', `/v1/prospects/${ids.grace}`, { restricted: true })).status, 200);
  });
  after(async () => {
    await api?.close();
    await smtp?.stop();
  });

  const names = async (query: string): Promise<string[]> => {
    const res = await account.call('GET', `/v1/prospects?${query}`);
    assert.equal(res.status, 200, res.text);
    const byId = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
    return res.body.data.map((p: { id: string }) => byId.get(p.id));
  };

  it('shows tags, stored lower-case, once each', async () => {
    const ada = (await account.call('GET', `/v1/prospects/${ids.ada}`)).body;
    assert.deepEqual(ada.tags, ['vip', 'london']);
  });

  it('filters by status, tag (any capitals) and restricted', async () => {
    assert.deepEqual(await names('status=replied'), ['alan']);
    assert.deepEqual(await names('status=active&limit=200'), ['ada', 'grace', 'edsger', 'barbara']);
    assert.deepEqual(await names('tag=VIP'), ['ada', 'grace']);
    assert.deepEqual(await names('tag=%20london%20'), ['ada', 'alan']);
    assert.deepEqual(await names('tag=nobody'), []);
    assert.deepEqual(await names('tag=met%0Aat%20%20conference'), [], 'whitespace collapsed: a line break is a space, not an error');
    assert.deepEqual(await names('restricted=true'), ['grace']);
    assert.deepEqual(await names('restricted=false'), ['ada', 'alan', 'edsger', 'barbara']);
    assert.deepEqual(await names('tag=vip&restricted=false'), ['ada']);
  });

  it('searches first and last name, company and email, capitals aside, wildcards taken literally', async () => {
    assert.deepEqual(await names('q=LOVELACE'), ['ada']);
    assert.deepEqual(await names('q=grace'), ['grace']);
    assert.deepEqual(await names('q=bletchley'), ['alan']);
    assert.deepEqual(await names('q=liskov%40mit'), ['barbara']);
    assert.deepEqual(await names('q=Ada%20Lovelace'), ['ada'], 'the whole name');
    assert.deepEqual(await names('q=%25'), ['edsger'], 'a % is a character, not a wildcard');
    assert.deepEqual(await names('q=_'), ['edsger'], 'an _ too');
    assert.deepEqual(await names('q=.test&tag=london'), ['ada', 'alan']);
    assert.deepEqual(await names('q=nobody-here'), []);
  });

  it('filters by campaign: the prospects enrolled in it', async () => {
    const campaignId = await createCampaign(account, await createMailbox(account, smtp, 1));
    // What the launch workflow's activity does once a worker runs it.
    await new EnrollmentRepository(api.dataSource).enrollNextBatch({
      accountId: account.accountId, campaignId, prospectIds: [ids.ada, ids.edsger], limit: 10,
    });
    assert.deepEqual(await names(`campaign=${campaignId}`), ['ada', 'edsger']);
    assert.deepEqual(await names(`campaign=${campaignId.toUpperCase()}&q=dijkstra`), ['edsger']);
  });

  it('pages with an opaque cursor that keeps the filters and survives the deletion of the row it follows', async () => {
    const pager = await api.newAccount('pager');
    const emails = Array.from({ length: 7 }, (_, i) => `p${i}@pager.test`);
    for (const email of emails) assert.equal((await pager.call('POST', '/v1/prospects', { email, tags: ['page'] })).status, 201);
    await pager.call('POST', '/v1/prospects', { email: 'untagged@pager.test' });
    const first = await pager.call('GET', '/v1/prospects?tag=page&limit=3');
    assert.deepEqual(first.body.data.map((p: any) => p.email), emails.slice(0, 3));
    const cursor: string = first.body.nextCursor;
    assert.ok(!cursor.includes(first.body.data[2].id), 'the cursor is not the raw id');
    // The rep deletes the page just read: the next one still follows it.
    for (const p of first.body.data) assert.equal((await pager.call('POST', `/v1/prospects/${p.id}/forget`)).status, 200);
    const second = await pager.call('GET', `/v1/prospects?tag=page&limit=3&after=${cursor}`);
    assert.equal(second.status, 200, second.text);
    assert.deepEqual(second.body.data.map((p: any) => p.email), emails.slice(3, 6));
    const last = await pager.call('GET', `/v1/prospects?tag=page&limit=3&after=${second.body.nextCursor}`);
    assert.deepEqual(last.body.data.map((p: any) => p.email), emails.slice(6));
    assert.equal(last.body.nextCursor, null);
  });

  it('shows nothing of another account: its list, its tag, its search, its cursor', async () => {
    const other = await api.newAccount('other lister');
    assert.equal((await other.call('POST', '/v1/prospects', { email: 'mine@other.test', tags: ['vip'] })).status, 201);
    for (const query of ['', 'tag=vip', 'q=lovelace', 'q=ada', 'restricted=true']) {
      const res = await other.call('GET', `/v1/prospects?${query}`);
      assert.equal(res.status, 200, res.text);
      assert.ok(res.body.data.every((p: any) => p.email === 'mine@other.test'), query);
    }
    const cursor = (await account.call('GET', '/v1/prospects?limit=1')).body.nextCursor;
    const res = await other.call('GET', `/v1/prospects?after=${cursor}`);
    assert.equal(res.status, 200, 'a cursor is a position, not a row of the other account');
    assert.deepEqual(res.body.data.map((p: any) => p.email), ['mine@other.test']);
    const campaign = await other.call('GET', `/v1/prospects?campaign=${randomUUID()}`);
    assert.equal(campaign.status, 400);
  });

  describe('bad values', () => {
    const foreignCampaign = async () => {
      const other = await api.newAccount('campaign owner');
      return createCampaign(other, await createMailbox(other, smtp, 2));
    };
    const bad: [string, string, string][] = [
      ['status=lost', 'status', 'status must be one of the following values'],
      ['campaign=42', 'campaign', 'campaign must be a UUID'],
      ['tag=', 'tag', 'tag must not be empty'],
      [`tag=${'t'.repeat(65)}`, 'tag', 'tag must be at most 64 characters'],
      ['tag=a%01b', 'tag', 'tag must be a single line'],
      ['restricted=maybe', 'restricted', 'restricted must be a boolean value'],
      ['restricted=1', 'restricted', 'restricted must be a boolean value'],
      ['q=%20%20', 'q', 'q must be longer than or equal to 1 characters'],
      [`q=${'x'.repeat(201)}`, 'q', 'q must be shorter than or equal to 200 characters'],
      ['limit=0', 'limit', 'limit must not be less than 1'],
      ['limit=201', 'limit', 'limit must not be greater than 200'],
      ['limit=ten', 'limit', 'limit must be an integer number'],
      ['after=garbage', 'after', 'after must be a nextCursor this list returned'],
      [`after=${randomUUID()}`, 'after', 'after must be a nextCursor this list returned'],
      [`after=${Buffer.from('p1.12.not-a-uuid').toString('base64url')}`, 'after', 'after must be a nextCursor'],
      [`after=${'A'.repeat(201)}`, 'after', 'after must be shorter than or equal to 200 characters'],
      ['status=active&status=replied', 'status', 'status must be one of the following values'],
      ['sort=name', 'sort', 'property sort should not exist'],
    ];
    for (const [query, field, message] of bad) {
      it(`refuses ?${query.slice(0, 40)} with 400 naming ${field}`, async () => {
        const res = await account.call('GET', `/v1/prospects?${query}`);
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.error.code, 'validation_failed');
        assert.equal(res.body.error.field, field);
        assert.ok(res.body.error.message.includes(message), `"${res.body.error.message}" mentions "${message}"`);
      });
    }

    it('refuses a campaign of another account with 400 naming campaign', async () => {
      const res = await account.call('GET', `/v1/prospects?campaign=${await foreignCampaign()}`);
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error.field, 'campaign');
      assert.match(res.body.error.message, /is not a campaign of this account/);
    });
  });
});
