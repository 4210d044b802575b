import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { StaffRepository } from '@relance/db/repositories/staff.repository';
import { newStaffMember, TestStaffMember } from '../../support/staff-fixtures';
import { TestAccount, TestApi } from '../../support/test-api';

const STAFF_ROUTES = [['GET', '/v1/staff/me'], ['GET', '/v1/staff/users'], ['GET', '/v1/staff/audit-events']] as const;

describe('staff routes: only a staff token opens them', () => {
  let api: TestApi;
  let customer: TestAccount;
  let support: TestStaffMember;
  let admin: TestStaffMember;

  before(async () => {
    api = await TestApi.start();
    customer = await api.newAccount('staff-auth');
    support = await newStaffMember(api.dataSource, 'support');
    admin = await newStaffMember(api.dataSource, 'admin');
  });
  after(() => api?.close());

  const refusedWith = async (key: string | undefined, status: number, code: string) => {
    for (const [method, path] of STAFF_ROUTES) {
      const res = await api.request(method, path, { key });
      assert.equal(res.status, status, `${method} ${path}: ${res.text}`);
      assert.equal(res.body.error.code, code, `${method} ${path}`);
    }
  };

  it('401 without a token', async () => {
    await refusedWith(undefined, 401, 'unauthorized');
    const res = await api.request('GET', '/v1/staff/me');
    assert.match(res.body.error.message, /staff token/);
  });

  it("401 with a customer's API key, even a valid one", async () => {
    assert.equal((await customer.call('GET', '/v1/prospects')).status, 200, 'the key itself works on customer routes');
    await refusedWith(customer.apiKey, 401, 'unauthorized');
  });

  it('401 with a forged token of the right shape, or a malformed one', async () => {
    await refusedWith(`rl_staff_${randomBytes(24).toString('base64url')}`, 401, 'unauthorized');
    await refusedWith('rl_staff_short', 401, 'unauthorized');
  });

  it("a staff token is not an API key: customer routes refuse it", async () => {
    const res = await api.request('GET', '/v1/prospects', { key: admin.token });
    assert.equal(res.status, 401);
  });

  it('401 with a revoked token, while the same member\'s other token still works', async () => {
    const member = await newStaffMember(api.dataSource, 'support');
    const staff = new StaffRepository(api.dataSource);
    const second = await staff.issueToken(member.user.id);
    assert.equal((await api.request('GET', '/v1/staff/me', { key: member.token })).status, 200);
    assert.ok(await staff.revokeToken(member.tokenId));
    await refusedWith(member.token, 401, 'unauthorized');
    assert.equal((await api.request('GET', '/v1/staff/me', { key: second.token })).status, 200);
  });

  it('403 for a role the route does not admit; 200 for one it does', async () => {
    const forbidden = await api.request('GET', '/v1/staff/users', { key: support.token });
    assert.equal(forbidden.status, 403, forbidden.text);
    assert.equal(forbidden.body.error.code, 'forbidden');
    assert.match(forbidden.body.error.message, /admin/);

    const me = await api.request('GET', '/v1/staff/me', { key: support.token });
    assert.equal(me.status, 200, me.text);
    assert.deepEqual([me.body.id, me.body.role, me.body.email], [support.user.id, 'support', support.user.email]);
    assert.ok(!me.text.includes(support.token), 'the token is never echoed');
    const [used] = await api.dataSource.query('SELECT last_used_at FROM staff_tokens WHERE id = $1', [support.tokenId]);
    assert.ok(used.last_used_at instanceof Date, 'the token records that it was used');

    const users = await api.request('GET', '/v1/staff/users', { key: admin.token });
    assert.equal(users.status, 200, users.text);
    assert.ok(users.body.data.some((u: { id: string }) => u.id === support.user.id), 'newest first: just created');
    const next = await api.request('GET', `/v1/staff/users?limit=1&after=${users.body.data[0].id}`, { key: admin.token });
    assert.equal(next.status, 200, next.text);
    assert.notEqual(next.body.data[0]?.id, users.body.data[0].id, 'the next page starts after the cursor');
    assert.ok(!users.text.includes('hash'), 'no token hash is listed');

    const events = await api.request('GET', '/v1/staff/audit-events?limit=1', { key: support.token });
    assert.equal(events.status, 200, events.text);
  });

  it('an admin disables a member: their tokens stop working, and the trail names the admin', async () => {
    const member = await newStaffMember(api.dataSource, 'operator');
    const byOperator = await api.request('POST', `/v1/staff/users/${support.user.id}/disable`, { key: member.token, body: {} });
    assert.equal(byOperator.status, 403, 'only admins disable');

    const res = await api.request('POST', `/v1/staff/users/${member.user.id}/disable`, {
      key: admin.token, body: { reason: 'left the company, wrote from ex@relance.test' },
    });
    assert.equal(res.status, 200, res.text);
    assert.ok(res.body.disabledAt);
    await refusedWith(member.token, 401, 'unauthorized');

    const again = await api.request('POST', `/v1/staff/users/${member.user.id}/disable`, { key: admin.token, body: {} });
    assert.equal(again.status, 409);
    const self = await api.request('POST', `/v1/staff/users/${admin.user.id}/disable`, { key: admin.token, body: {} });
    assert.equal(self.status, 409);
    const badId = await api.request('POST', '/v1/staff/users/not-an-id/disable', { key: admin.token, body: {} });
    assert.equal(badId.status, 400);
    assert.equal(badId.body.error.field, 'id');

    const trail = await api.request('GET', `/v1/staff/audit-events?targetType=staff_user&targetId=${member.user.id}`, { key: admin.token });
    assert.equal(trail.status, 200, trail.text);
    assert.equal(trail.body.data.length, 1);
    const [event] = trail.body.data;
    assert.deepEqual(event.actor, { kind: 'staff', id: admin.user.id });
    assert.equal(event.action, 'staff_user.disabled');
    assert.equal(event.reason, 'left the company, wrote from [email]');
  });

  it('documents staff routes with the staff token scheme, not the API key one', async () => {
    const doc = (await api.request('GET', '/docs-json')).body;
    assert.equal(doc.components.securitySchemes['staff-token'].bearerFormat, 'rl_staff_<32 characters>');
    for (const [path, method] of [['/v1/staff/me', 'get'], ['/v1/staff/audit-events', 'get'], ['/v1/staff/users/{id}/disable', 'post']]) {
      assert.deepEqual(doc.paths[path][method].security, [{ 'staff-token': [] }], `${method} ${path}`);
    }
  });
});
