import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { tokenMailedTo } from '../../support/account-mail';
import { TestAccount, TestApi } from '../../support/test-api';

/** Users, invitations and API keys of an account: roles, revocation and isolation, on the real API. */
describe('users, invitations and API keys', () => {
  let api: TestApi;
  let mail: SmtpCapture;
  let team: TestAccount;
  let other: TestAccount;

  before(async () => {
    mail = await startSmtpCapture();
    api = await TestApi.start((config) => ({
      ...config,
      systemMail: { ...config.systemMail, smtpUrl: `smtp://${mail.host}:${mail.port}` },
      // Every acceptance comes from 127.0.0.1: the per-IP brake (signups.e2e-spec) is not what this suite tests.
      signups: { ...config.signups, publicLimits: { ...config.signups.publicLimits, perIp: 1_000 } },
    }));
    [team, other] = [await api.newAccount('team'), await api.newAccount('other')];
  });
  after(async () => {
    await api?.dataSource.query(`DELETE FROM api_rate_limits WHERE key LIKE 'public-%'`);
    await api?.close();
    await mail?.stop();
  });

  const call = (key: string, method: string, path: string, body?: unknown) => api.request(method, path, { key, body });
  /** Invites `role` into `team` and accepts as the invitee: their user id and first key. */
  const join = async (role: 'owner' | 'member', name = 'Grace Hopper') => {
    const email = `${role}-${randomUUID()}@team.test`;
    const invited = await team.call('POST', '/v1/invitations', { email, role });
    assert.equal(invited.status, 201, invited.text);
    const { token } = await tokenMailedTo(mail, email, /invited/);
    const accepted = await api.request('POST', '/v1/invitations/accept', { body: { token, name } });
    assert.equal(accepted.status, 201, accepted.text);
    return { email, invitationId: invited.body.id as string, userId: accepted.body.userId as string, key: accepted.body.apiKey.key as string, token };
  };

  it('invites by email: the token works once and makes a verified user of that role with a first key', async () => {
    const member = await join('member');
    const users = await team.call('GET', '/v1/users');
    const row = users.body.data.find((u: any) => u.id === member.userId);
    assert.deepEqual([row.email, row.role, row.name, Boolean(row.emailVerifiedAt)], [member.email, 'member', 'Grace Hopper', true]);
    assert.equal((await call(member.key, 'GET', '/v1/prospects')).status, 200, 'the first key works');
    const again = await api.request('POST', '/v1/invitations/accept', { body: { token: member.token, name: 'X' } });
    assert.equal(again.status, 400, 'an accepted invitation is gone');
    const pending = await team.call('GET', '/v1/invitations');
    assert.ok(!pending.body.data.some((i: any) => i.id === member.invitationId));
    const [audit] = await api.dataSource.query(`SELECT actor_id FROM audit_events WHERE action = 'invitation.accepted' AND target_id = $1`, [member.invitationId]);
    assert.equal(audit.actor_id, member.userId);
  });

  it('lists and withdraws invitations; re-inviting replaces the token; an expired token is a 410', async () => {
    const email = `pending-${randomUUID()}@team.test`;
    const first = await team.call('POST', '/v1/invitations', { email, role: 'member' });
    const old = await tokenMailedTo(mail, email, /invited/);
    const since = mail.messages.length;
    const second = await team.call('POST', '/v1/invitations', { email, role: 'owner' });
    assert.equal(second.body.id, first.body.id, 'one pending invitation per address');
    const fresh = await tokenMailedTo(mail, email, /invited/, since);
    assert.equal((await api.request('POST', '/v1/invitations/accept', { body: { token: old.token, name: 'X' } })).status, 400);
    const listed = await team.call('GET', '/v1/invitations');
    assert.deepEqual(listed.body.data.filter((i: any) => i.email === email).map((i: any) => i.role), ['owner']);

    await api.dataSource.query(`UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`, [first.body.id]);
    const expired = await api.request('POST', '/v1/invitations/accept', { body: { token: fresh.token, name: 'X' } });
    assert.equal(expired.status, 410, expired.text);
    assert.equal((await team.call('DELETE', `/v1/invitations/${first.body.id}`)).status, 204);
    assert.equal((await team.call('DELETE', `/v1/invitations/${first.body.id}`)).status, 404);
    assert.equal((await team.call('POST', '/v1/invitations', { email: 'not-an-address', role: 'boss' })).status, 400);
  });

  it('keeps members to their own keys and away from managing people', async () => {
    const member = await join('member');
    for (const [method, path, body] of [
      ['POST', '/v1/invitations', { email: `x-${randomUUID()}@team.test`, role: 'member' }],
      ['GET', '/v1/invitations', undefined],
      ['DELETE', `/v1/users/${team.userId}`, undefined],
    ] as const) {
      const res = await call(member.key, method, path, body);
      assert.equal(res.status, 403, `${method} ${path}: ${res.text}`);
    }
    assert.equal((await call(member.key, 'GET', '/v1/users')).status, 200, 'members see who is in the account');
    const mine = await call(member.key, 'GET', '/v1/api-keys');
    assert.deepEqual(mine.body.data.map((k: any) => k.userId), [member.userId]);
    assert.equal((await call(member.key, 'DELETE', `/v1/api-keys/${team.apiKeyId}`)).status, 404, 'the owner\'s key is not theirs to see');
    assert.equal((await team.call('GET', '/v1/api-keys')).body.data.some((k: any) => k.userId === member.userId), true, 'owners see every key');
  });

  it('creates a key shown once, lists it without the key, and refuses it on the very next request once revoked', async () => {
    const created = await team.call('POST', '/v1/api-keys', { name: 'CRM sync' });
    assert.equal(created.status, 201, created.text);
    const { id, key, prefix } = created.body;
    assert.ok(key.startsWith(prefix));
    assert.equal((await call(key, 'GET', '/v1/prospects')).status, 200);
    const listed = (await team.call('GET', '/v1/api-keys')).body.data.find((k: any) => k.id === id);
    assert.deepEqual([listed.name, listed.prefix, listed.userId, listed.revokedAt, 'key' in listed], ['CRM sync', prefix, team.userId, null, false]);
    assert.ok(listed.lastUsedAt, 'its use is recorded');

    assert.equal((await team.call('DELETE', `/v1/api-keys/${id}`)).status, 204);
    const refused = await call(key, 'GET', '/v1/prospects');
    assert.equal(refused.status, 401);
    assert.equal((await team.call('DELETE', `/v1/api-keys/${id}`)).status, 409);
    assert.ok((await team.call('GET', '/v1/api-keys')).body.data.find((k: any) => k.id === id).revokedAt);
    assert.equal((await team.call('POST', '/v1/api-keys', { name: ' ' })).status, 400);
  });

  it('removes a user and their keys at once, but never the last owner', async () => {
    const member = await join('member');
    assert.equal((await team.call('DELETE', `/v1/users/${member.userId}`)).status, 204);
    assert.equal((await call(member.key, 'GET', '/v1/prospects')).status, 401, 'their key is refused at once');
    assert.equal((await team.call('DELETE', `/v1/users/${member.userId}`)).status, 404);

    const last = await team.call('DELETE', `/v1/users/${team.userId}`);
    assert.equal(last.status, 409, last.text);
    assert.match(last.body.error.message, /last owner/);
    const second = await join('owner', 'Second Owner');
    assert.equal((await call(second.key, 'DELETE', `/v1/users/${team.userId}`)).status, 204, 'with another owner left, an owner can go');
    assert.equal((await team.call('GET', '/v1/users')).status, 401, 'the removed owner\'s key is refused');
    team = { ...team, apiKey: second.key, userId: second.userId, call: (m, p, b) => call(second.key, m, p, b) };
    const [audit] = await api.dataSource.query(`SELECT details FROM audit_events WHERE action = 'user.removed' AND target_id = $1`, [member.userId]);
    assert.equal(audit.details.revokedKeys, 1);
  });

  it('gives another account\'s users, keys and invitations a 404, and lists none of them', async () => {
    const invitation = await other.call('POST', '/v1/invitations', { email: `iso-${randomUUID()}@team.test`, role: 'member' });
    assert.equal(invitation.status, 201);
    for (const path of [`/v1/users/${other.userId}`, `/v1/api-keys/${other.apiKeyId}`, `/v1/invitations/${invitation.body.id}`]) {
      const res = await team.call('DELETE', path);
      assert.equal(res.status, 404, `${path}: ${res.text}`);
    }
    assert.equal((await other.call('GET', '/v1/prospects')).status, 200, 'their key still works');
    const users = (await team.call('GET', '/v1/users')).body.data.map((u: any) => u.id);
    const keys = (await team.call('GET', '/v1/api-keys')).body.data.map((k: any) => k.id);
    assert.ok(!users.includes(other.userId) && !keys.includes(other.apiKeyId));
  });

  it('pages users and keys with cursors, and refuses a cursor that names nothing of the list', async () => {
    const all = (await team.call('GET', '/v1/users?limit=200')).body.data.map((u: any) => u.id);
    assert.ok(all.length >= 2, 'the team has grown by now');
    const first = await team.call('GET', '/v1/users?limit=1');
    assert.equal(first.body.data.length, 1);
    const next = await team.call('GET', `/v1/users?limit=200&after=${first.body.nextCursor}`);
    assert.deepEqual([...first.body.data, ...next.body.data].map((u: any) => u.id), all);
    const foreign = await team.call('GET', `/v1/api-keys?after=${other.apiKeyId}`);
    assert.equal(foreign.status, 400, foreign.text);
    assert.equal(foreign.body.error.field, 'after');
  });

  it('documents every accounts route in OpenAPI: summary, auth, success and error answers with examples', async () => {
    const doc = (await api.request('GET', '/docs-json')).body;
    const routes: [string, string, number, 'api-key' | 'staff-token' | null][] = [
      ['post', '/v1/signups', 202, null], ['post', '/v1/signups/verify', 201, null], ['post', '/v1/invitations/accept', 201, null],
      ['get', '/v1/users', 200, 'api-key'], ['delete', '/v1/users/{id}', 204, 'api-key'],
      ['post', '/v1/invitations', 201, 'api-key'], ['get', '/v1/invitations', 200, 'api-key'], ['delete', '/v1/invitations/{id}', 204, 'api-key'],
      ['post', '/v1/api-keys', 201, 'api-key'], ['get', '/v1/api-keys', 200, 'api-key'], ['delete', '/v1/api-keys/{id}', 204, 'api-key'],
      ['post', '/v1/staff/accounts', 201, 'staff-token'],
    ];
    for (const [method, path, status, scheme] of routes) {
      const operation = doc.paths[path]?.[method];
      assert.ok(operation?.summary, `${method} ${path} has a summary`);
      assert.deepEqual(operation.security ?? [], scheme ? [{ [scheme]: [] }] : [], `${method} ${path} security`);
      assert.ok(operation.responses[String(status)], `${method} ${path} documents its ${status}`);
      if (status !== 204) assert.ok(operation.responses[String(status)].content['application/json'].example, `${method} ${path} has an example`);
      assert.ok(Object.keys(operation.responses).some((code) => code.startsWith('4')), `${method} ${path} documents its errors`);
    }
    for (const dto of ['CreateSignupDto', 'VerifySignupDto', 'CreateInvitationDto', 'AcceptInvitationDto', 'CreateApiKeyDto', 'CreateStaffAccountDto']) {
      for (const [field, schema] of Object.entries<any>(doc.components.schemas[dto].properties)) {
        assert.ok(schema.example !== undefined, `${dto}.${field} has an example`);
      }
    }
  });
});
