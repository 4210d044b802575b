import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TestApi, TestAccount } from '../../support/test-api';

/** PATCH /v1/prospects/:id: a rep's rectification, checked as a create is, audited by field name only. */
describe('prospect rectification (PATCH)', () => {
  let api: TestApi;
  let account: TestAccount;

  before(async () => {
    api = await TestApi.start();
    account = await api.newAccount('rectify');
  });
  after(() => api?.close());

  const create = async (body: Record<string, unknown>) => {
    const res = await account.call('POST', '/v1/prospects', body);
    assert.equal(res.status, 201, res.text);
    return res.body;
  };
  const auditOf = async (prospectId: string) => api.dataSource.query(
    `SELECT actor_kind, actor_id, action, account_id, reason, details FROM audit_events
     WHERE target_type = 'prospect' AND target_id = $1 ORDER BY occurred_at, id`, [prospectId],
  );

  it('changes the fields given, normalises email and time zone as a create does, and leaves the others', async () => {
    const before = await create({ email: 'ada@rectify.test', firstName: 'Ada', lastName: 'Byron', company: 'Engines', customFields: { plan: 'a' } });
    const res = await account.call('PATCH', `/v1/prospects/${before.id}`, {
      email: '  Ada.King@Ex\u00e4mple.COM ', lastName: 'King', timeZone: 'europe/london', company: null, customFields: { plan: 'b', seats: '3' },
    });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.email, 'ada.king@xn--exmple-cua.com');
    assert.equal(res.body.lastName, 'King');
    assert.equal(res.body.firstName, 'Ada', 'not given: unchanged');
    assert.equal(res.body.company, null, 'null clears');
    assert.equal(res.body.timeZone, 'Europe/London');
    assert.deepEqual(res.body.customFields, { plan: 'b', seats: '3' });
    assert.ok(new Date(res.body.updatedAt) > new Date(before.updatedAt));
    assert.deepEqual((await account.call('GET', `/v1/prospects/${before.id}`)).body, res.body);
  });

  it('audits who (the key and its rep), when and which field names changed, never the values', async () => {
    const prospect = await create({ email: 'grace@rectify.test', firstName: 'Grace', company: 'Navy' });
    const started = Date.now();
    const res = await account.call('PATCH', `/v1/prospects/${prospect.id}`, { firstName: 'Amazing Grace', company: 'Navy', restricted: true, tags: ['admiral'] });
    assert.equal(res.status, 200, res.text);
    const [event, ...more] = await auditOf(prospect.id);
    assert.equal(more.length, 0);
    assert.equal(event.actor_kind, 'api_key');
    assert.equal(event.actor_id, account.apiKeyId);
    assert.equal(event.action, 'prospect.updated');
    assert.equal(event.account_id, account.accountId);
    assert.equal(event.reason, null);
    // company was given its own value: not a change, not named.
    assert.deepEqual(event.details, { fields: ['firstName', 'tags', 'restricted'], userId: account.userId });
    const [{ occurred_at: at }] = await api.dataSource.query(`SELECT occurred_at FROM audit_events WHERE target_id = $1`, [prospect.id]);
    assert.ok(at.getTime() >= started - 1_000 && at.getTime() <= Date.now() + 1_000);
    const stored = JSON.stringify(await auditOf(prospect.id));
    for (const value of ['Amazing', 'Grace', 'Navy', 'admiral', 'grace@rectify.test']) assert.ok(!stored.includes(value), `no "${value}" in the audit`);
  });

  it('writes no audit entry when nothing really changed', async () => {
    const prospect = await create({ email: 'same@rectify.test', firstName: 'Same', customFields: { a: '1', b: '2' } });
    const res = await account.call('PATCH', `/v1/prospects/${prospect.id}`, { firstName: 'Same', customFields: { b: '2', a: '1' }, email: 'SAME@rectify.test' });
    assert.equal(res.status, 200, res.text);
    assert.equal(res.body.updatedAt, prospect.updatedAt);
    assert.deepEqual(await auditOf(prospect.id), []);
  });

  it('lets the customer restrict a prospect and lift it, each audited', async () => {
    const prospect = await create({ email: 'restrict@rectify.test' });
    const restricted = await account.call('PATCH', `/v1/prospects/${prospect.id}`, { restricted: true });
    assert.equal(restricted.body.restricted, true);
    const lifted = await account.call('PATCH', `/v1/prospects/${prospect.id}`, { restricted: false });
    assert.equal(lifted.body.restricted, false);
    assert.deepEqual((await auditOf(prospect.id)).map((e: any) => e.details.fields), [['restricted'], ['restricted']]);
  });

  it('refuses an email another prospect of the account has, in any spelling, with 409 naming email; changes nothing', async () => {
    await create({ email: 'taken@rectify.test' });
    const prospect = await create({ email: 'mine@rectify.test', firstName: 'Mine' });
    const res = await account.call('PATCH', `/v1/prospects/${prospect.id}`, { email: 'Taken@Rectify.test\u200b', firstName: 'Other' });
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.error.code, 'conflict');
    assert.equal(res.body.error.field, 'email');
    const unchanged = (await account.call('GET', `/v1/prospects/${prospect.id}`)).body;
    assert.deepEqual([unchanged.email, unchanged.firstName], ['mine@rectify.test', 'Mine']);
    assert.deepEqual(await auditOf(prospect.id), []);
  });

  it('refuses the address of a person erased from the account with 409 suppressed', async () => {
    const erased = await create({ email: 'erased@rectify.test' });
    assert.equal((await account.call('POST', `/v1/prospects/${erased.id}/forget`)).status, 200);
    const prospect = await create({ email: 'someone@rectify.test' });
    const res = await account.call('PATCH', `/v1/prospects/${prospect.id}`, { email: 'erased@rectify.test' });
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.error.code, 'suppressed');
    assert.equal(res.body.error.field, 'email');
  });

  describe('bad input', () => {
    let id: string;
    before(async () => {
      id = (await create({ email: 'careless@rectify.test', firstName: 'Careful' })).id;
    });

    const invalid: [string, unknown, string, string][] = [
      ['an empty body', {}, '', 'give at least one field to change'],
      ['an unknown field', { phone: '+33 1' }, 'phone', 'property phone should not exist'],
      ['a null email', { email: null }, 'email', 'email must be an email'],
      ['an invalid email', { email: 'nope@' }, 'email', 'email must be an email'],
      ['an invisible character in the email', { email: 'ca\u200breless@rectify.test' }, 'email', 'invisible characters'],
      ['an unknown time zone', { timeZone: 'Mars/Olympus_Mons' }, 'timeZone', 'timeZone must be an IANA time zone'],
      ['a numeric time zone', { timeZone: 2 }, 'timeZone', 'timeZone must be an IANA time zone'],
      ['a number for a name', { firstName: 42 }, 'firstName', 'firstName must be a string'],
      ['a line break in a name', { lastName: 'A\r\nBcc: x@y.z' }, 'lastName', 'lastName must be a single line'],
      ['a name too long', { company: 'x'.repeat(201) }, 'company', 'company must be shorter than or equal to 200 characters'],
      ['null custom fields', { customFields: null }, 'customFields', 'customFields'],
      ['a non-string custom field', { customFields: { size: 3 } }, 'customFields', 'customFields.size must be a string'],
      ['restricted as a string', { restricted: 'yes' }, 'restricted', 'restricted must be a boolean value'],
      ['tags as a string', { tags: 'vip' }, 'tags', 'tags must be an array'],
      ['an empty tag', { tags: ['ok', '  '] }, 'tags', 'each value in tags must not be empty'],
      ['a tag over 64 characters', { tags: ['t'.repeat(65)] }, 'tags', 'each value in tags must be at most 64 characters'],
      ['a numeric tag', { tags: [7] }, 'tags', 'each value in tags must be a string'],
      ['101 tags', { tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }, 'tags', 'tags must contain no more than 100 elements'],
    ];
    for (const [label, body, field, message] of invalid) {
      it(`refuses ${label} with 400 naming ${field || 'the body'}, changing nothing`, async () => {
        const res = await account.call('PATCH', `/v1/prospects/${id}`, body);
        assert.equal(res.status, 400, res.text);
        assert.equal(res.body.error.code, 'validation_failed');
        assert.equal(res.body.error.field ?? '', field);
        assert.ok(res.body.error.message.includes(message), `"${res.body.error.message}" mentions "${message}"`);
        assert.equal((await account.call('GET', `/v1/prospects/${id}`)).body.firstName, 'Careful');
      });
    }

    it('refuses a malformed id with 400 and an unknown one with 404', async () => {
      const bad = await account.call('PATCH', '/v1/prospects/not-an-id', { firstName: 'X' });
      assert.equal(bad.status, 400);
      assert.equal(bad.body.error.field, 'id');
      const unknown = await account.call('PATCH', `/v1/prospects/${randomUUID()}`, { firstName: 'X' });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.error.code, 'not_found');
    });

    it('answers 401 without a key', async () => {
      const res = await api.request('PATCH', `/v1/prospects/${id}`, { body: { firstName: 'X' } });
      assert.equal(res.status, 401);
    });
  });

  it('answers 404 to another account\'s key, and leaves the prospect and the audit untouched', async () => {
    const prospect = await create({ email: 'isolated@rectify.test', firstName: 'Mine' });
    const other = await api.newAccount('intruder');
    const res = await other.call('PATCH', `/v1/prospects/${prospect.id}`, { firstName: 'Stolen', restricted: true });
    assert.equal(res.status, 404, res.text);
    const unchanged = (await account.call('GET', `/v1/prospects/${prospect.id}`)).body;
    assert.deepEqual([unchanged.firstName, unchanged.restricted], ['Mine', false]);
    assert.deepEqual(await auditOf(prospect.id), []);
  });
});
