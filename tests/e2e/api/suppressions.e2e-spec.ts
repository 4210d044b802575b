import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { TestAccount, TestApi } from '../../support/test-api';

describe('suppressions API', () => {
  let api: TestApi;
  let account: TestAccount;
  let other: TestAccount;

  before(async () => {
    api = await TestApi.start();
    account = await api.newAccount('suppressions');
    other = await api.newAccount('other');
  });
  after(() => api?.close());

  it('needs an API key on every route', async () => {
    for (const [method, path] of [
      ['POST', '/v1/suppressions'], ['GET', '/v1/suppressions'], ['GET', '/v1/suppressions/check?email=a@b.co'],
      ['DELETE', `/v1/suppressions/${randomUUID()}`],
    ]) {
      const res = await api.request(method, path, { body: method === 'POST' ? { email: 'a@b.co' } : undefined });
      assert.equal(res.status, 401, `${method} ${path}`);
      assert.equal(res.body.error.code, 'unauthorized');
    }
  });

  it('suppresses an address (201), then returns the same entry for it again (200), whatever its case', async () => {
    const created = await account.call('POST', '/v1/suppressions', { email: 'Ada@Example.com' });
    assert.equal(created.status, 201, created.text);
    assert.equal(created.body.kind, 'email');
    assert.equal(created.body.reason, 'manual');
    assert.equal(created.body.domain, null);
    assert.deepEqual(Object.keys(created.body).sort(), ['createdAt', 'domain', 'id', 'kind', 'reason', 'sourceMessageId']);
    // 'ada@', not 'ada': a uuid's hex can spell "ada".
    assert.ok(!created.text.toLowerCase().includes('ada@'), 'the address is not echoed back');

    const again = await account.call('POST', '/v1/suppressions', { email: ' ada@EXAMPLE.com ' });
    assert.equal(again.status, 200, again.text);
    assert.equal(again.body.id, created.body.id);
  });

  it('suppresses a domain, normalised, idempotently', async () => {
    const created = await account.call('POST', '/v1/suppressions', { domain: 'Competitor.example' });
    assert.equal(created.status, 201, created.text);
    assert.deepEqual([created.body.kind, created.body.domain], ['domain', 'competitor.example']);
    const again = await account.call('POST', '/v1/suppressions', { domain: 'competitor.example.' });
    assert.equal(again.status, 200);
    assert.equal(again.body.id, created.body.id);
  });

  const invalid: [string, unknown, string, string][] = [
    ['neither field', {}, 'email', 'email or domain is required'],
    ['both fields', { email: 'a@b.co', domain: 'b.co' }, 'email', 'give either email or domain, not both'],
    ['an invalid email', { email: 'nope@' }, 'email', 'email must be an email'],
    ['an invalid domain', { domain: 'not a domain' }, 'domain', 'domain must be a domain name'],
    ['a domain without a dot', { domain: 'localhost' }, 'domain', 'domain must be a domain name'],
    ['an address given as a domain', { domain: 'a@b.co' }, 'domain', 'domain must be a domain name'],
    ['an unknown field', { email: 'a@b.co', reason: 'x' }, 'reason', 'property reason should not exist'],
  ];
  for (const [label, body, field, message] of invalid) {
    it(`refuses ${label} with 400 naming ${field}`, async () => {
      const res = await account.call('POST', '/v1/suppressions', body);
      assert.equal(res.status, 400, res.text);
      assert.equal(res.body.error.code, 'validation_failed');
      assert.equal(res.body.error.field, field);
      assert.ok(res.body.error.message.includes(message), `"${res.body.error.message}" mentions "${message}"`);
    });
  }

  it('checks an address: by its own entry, by its domain (and subdomains), or not at all', async () => {
    const byEmail = await account.call('GET', '/v1/suppressions/check?email=ADA%40example.com');
    assert.equal(byEmail.status, 200, byEmail.text);
    assert.equal(byEmail.body.suppressed, true);
    assert.deepEqual([byEmail.body.kind, byEmail.body.reason], ['email', 'manual']);

    const byDomain = await account.call('GET', '/v1/suppressions/check?email=ceo%40eu.competitor.example');
    assert.deepEqual(
      { ...byDomain.body, id: undefined },
      { suppressed: true, id: undefined, kind: 'domain', reason: 'manual', domain: 'competitor.example' },
    );

    const clear = await account.call('GET', '/v1/suppressions/check?email=bob%40example.com');
    assert.deepEqual(clear.body, { suppressed: false });
  });

  it('refuses a check without a valid email, naming it', async () => {
    for (const query of ['', '?email=', '?email=nope']) {
      const res = await account.call('GET', `/v1/suppressions/check${query}`);
      assert.equal(res.status, 400, query);
      assert.equal(res.body.error.field, 'email');
    }
  });

  it('lists entries newest first, a page at a time, filtered by kind, with no address or hash', async () => {
    const all = await account.call('GET', '/v1/suppressions');
    assert.equal(all.status, 200);
    assert.deepEqual(all.body.data.map((s: any) => s.kind), ['domain', 'email']);
    assert.equal(all.body.nextCursor, null);
    assert.ok(!all.text.toLowerCase().includes('ada@'), 'no address');
    assert.ok(!/[0-9a-f]{64}/.test(all.text), 'no hash is exposed');

    const first = await account.call('GET', '/v1/suppressions?limit=1');
    assert.equal(first.body.data.length, 1);
    const second = await account.call('GET', `/v1/suppressions?limit=1&after=${first.body.nextCursor}`);
    assert.deepEqual(second.body.data.map((s: any) => s.kind), ['email']);
    assert.equal(second.body.nextCursor, null);

    const domains = await account.call('GET', '/v1/suppressions?kind=domain');
    assert.deepEqual(domains.body.data.map((s: any) => s.domain), ['competitor.example']);
    assert.equal((await account.call('GET', '/v1/suppressions?kind=phone')).body.error.field, 'kind');
    assert.equal((await account.call('GET', `/v1/suppressions?after=${randomUUID()}`)).body.error.field, 'after');
  });

  it("keeps accounts apart: another account neither sees, checks nor deletes this one's entries", async () => {
    const [entry] = (await account.call('GET', '/v1/suppressions?kind=email')).body.data;
    assert.deepEqual((await other.call('GET', '/v1/suppressions')).body.data, []);
    assert.deepEqual((await other.call('GET', '/v1/suppressions/check?email=ada%40example.com')).body, { suppressed: false });
    const stolen = await other.call('DELETE', `/v1/suppressions/${entry.id}`);
    assert.equal(stolen.status, 404);
    assert.equal(stolen.body.error.code, 'not_found');
    assert.equal((await account.call('GET', '/v1/suppressions/check?email=ada%40example.com')).body.suppressed, true);
  });

  it('deletes an entry (204), after which the address is no longer suppressed', async () => {
    const check = await account.call('GET', '/v1/suppressions/check?email=ada%40example.com');
    const res = await account.call('DELETE', `/v1/suppressions/${check.body.id}`);
    assert.equal(res.status, 204, res.text);
    assert.equal(res.text, '');
    assert.deepEqual((await account.call('GET', '/v1/suppressions/check?email=ada%40example.com')).body, { suppressed: false });
    assert.equal((await account.call('DELETE', `/v1/suppressions/${check.body.id}`)).status, 404);
    assert.equal((await account.call('DELETE', '/v1/suppressions/not-a-uuid')).body.error.field, 'id');
  });

  it("refuses to delete an unsubscribe: that is the person's own request (409)", async () => {
    const [row] = await api.dataSource.query(
      `INSERT INTO suppressions (account_id, kind, email_hash, reason) VALUES ($1, 'email', $2, 'unsubscribed') RETURNING id`,
      [account.accountId, 'f'.repeat(64)],
    );
    const res = await account.call('DELETE', `/v1/suppressions/${row.id}`);
    assert.equal(res.status, 409, res.text);
    assert.equal(res.body.error.code, 'conflict');
    assert.equal((await account.call('GET', '/v1/suppressions?kind=email')).body.data[0].id, row.id);
  });
});
