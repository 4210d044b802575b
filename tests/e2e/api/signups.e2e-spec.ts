import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { APP_CONFIG } from '@relance/config';
import { AuditRepository } from '@relance/db';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { ErasureRepository, ErasureService } from '@relance/privacy/erasure';
import { startSmtpCapture, type SmtpCapture } from '../../harness/smtp-capture';
import { tokenMailedTo } from '../../support/account-mail';
import { newStaffMember } from '../../support/staff-fixtures';
import { TestApi } from '../../support/test-api';

/** Self-service sign-up and accounts opened by staff, against the real API, PostgreSQL and an SMTP capture. */
describe('sign-up', () => {
  let api: TestApi;
  let mail: SmtpCapture;
  const PER_EMAIL = 4;

  before(async () => {
    mail = await startSmtpCapture();
    api = await TestApi.start((config) => ({
      ...config,
      systemMail: { ...config.systemMail, smtpUrl: `smtp://${mail.host}:${mail.port}` },
      signups: { ...config.signups, publicLimits: { perIp: 1_000, perEmail: PER_EMAIL, windowMs: 3_600_000 } },
    }));
  });
  after(async () => {
    // The brake's counters are global (per IP): later suites must not start with this one's.
    await api?.dataSource.query(`DELETE FROM api_rate_limits WHERE key LIKE 'public-%'`);
    await api?.close();
    await mail?.stop();
  });

  const address = (label: string) => `${label}-${randomUUID()}@signup.test`;
  const signUp = (email: string, accountName = 'Acme Sales') =>
    api.request('POST', '/v1/signups', { body: { accountName, email, name: 'Ada Lovelace' } });
  const verify = (token: string) => api.request('POST', '/v1/signups/verify', { body: { token } });

  it('mails a token that creates the account, its verified owner and a first key that works', async () => {
    const email = address('ada');
    const res = await signUp(email, 'Analytical Engines');
    assert.equal(res.status, 202, res.text);
    const { token, message } = await tokenMailedTo(mail, email, /Confirm your Relance sign-up/);
    assert.ok(message.text?.includes('/v1/signups/verify'));
    const [row] = await api.dataSource.query(`SELECT token_hash FROM signup_requests WHERE email = $1`, [email]);
    assert.notEqual(row.token_hash, token, 'only the hash is stored');
    assert.match(row.token_hash, /^[0-9a-f]{64}$/);

    const created = await verify(token);
    assert.equal(created.status, 201, created.text);
    const { accountId, userId, apiKey } = created.body;
    assert.match(apiKey.key, /^rl_live_[A-Za-z0-9_-]{32}$/);
    assert.equal(apiKey.userId, userId);
    const [account] = await api.dataSource.query(`SELECT name FROM accounts WHERE id = $1`, [accountId]);
    assert.equal(account.name, 'Analytical Engines');

    const users = await api.request('GET', '/v1/users', { key: apiKey.key });
    assert.equal(users.status, 200, users.text);
    assert.deepEqual(users.body.data.map((u: any) => [u.id, u.email, u.role, u.name]), [[userId, email, 'owner', 'Ada Lovelace']]);
    assert.ok(users.body.data[0].emailVerifiedAt, 'the owner\'s address counts as verified');
    const audit = await api.dataSource.query(`SELECT actor_kind, actor_id FROM audit_events WHERE action = 'account.created' AND target_id = $1`, [accountId]);
    assert.deepEqual(audit, [{ actor_kind: 'user', actor_id: userId }]);
  });

  it('answers every address alike, a known one included, and mails each', async () => {
    const existing = await api.newAccount('known');
    const [owner] = await api.dataSource.query(`SELECT email FROM users WHERE id = $1`, [existing.userId]);
    const fresh = address('fresh');
    const known = await signUp(owner.email);
    const unknown = await signUp(fresh);
    assert.equal(known.status, 202);
    assert.deepEqual(known.body, unknown.body, 'same answer');
    await tokenMailedTo(mail, owner.email, /Confirm/);
    await tokenMailedTo(mail, fresh, /Confirm/);
  });

  it('refuses a used token (409), a replaced one (400) and an expired one (410), naming why', async () => {
    const email = address('grace');
    await signUp(email);
    const first = await tokenMailedTo(mail, email, /Confirm/);
    const since = mail.messages.length;
    await signUp(email);
    const second = await tokenMailedTo(mail, email, /Confirm/, since);
    assert.notEqual(first.token, second.token);

    const replaced = await verify(first.token);
    assert.equal(replaced.status, 400, replaced.text);
    assert.equal(replaced.body.error.field, 'token');
    assert.match(replaced.body.error.message, /not valid.*replaced/);

    assert.equal((await verify(second.token)).status, 201);
    const used = await verify(second.token);
    assert.equal(used.status, 409, used.text);
    assert.match(used.body.error.message, /used already/);
    const accounts = await api.dataSource.query(`SELECT count(*)::int AS n FROM users WHERE email = $1`, [email]);
    assert.equal(accounts[0].n, 1, 'one account for one token, however often it is sent');

    const late = address('late');
    await signUp(late);
    const { token } = await tokenMailedTo(mail, late, /Confirm/);
    await api.dataSource.query(`UPDATE signup_requests SET expires_at = now() - interval '1 second' WHERE email = $1`, [late]);
    const expired = await verify(token);
    assert.equal(expired.status, 410, expired.text);
    assert.match(expired.body.error.message, /expired: sign up again/);
  });

  it('refuses bad input field by field, and brakes repeated sign-ups for one address', async () => {
    const bad = await api.request('POST', '/v1/signups', { body: { accountName: '  ', email: 'not-an-address', name: 'A' } });
    assert.equal(bad.status, 400);
    const fields = bad.body.error.details.map((d: any) => d.field).sort();
    assert.deepEqual(fields, ['accountName', 'email']);

    const email = address('flood');
    for (let i = 0; i < PER_EMAIL; i += 1) assert.equal((await signUp(email)).status, 202);
    const braked = await signUp(email);
    assert.equal(braked.status, 429, braked.text);
    assert.equal(braked.body.error.code, 'rate_limited');
    const [row] = await api.dataSource.query(`SELECT count(*)::int AS n FROM api_rate_limits WHERE key LIKE '%' || $1 || '%'`, [email]);
    assert.equal(row.n, 0, 'the counters hold no address');
  });

  it('lets staff open an account whose owner sets up their key through the mailed invitation', async () => {
    const support = await newStaffMember(api.dataSource, 'support');
    const ownerEmail = address('owner');
    const body = { accountName: 'Opened by staff', ownerEmail, ownerName: 'Katherine Johnson' };
    const refused = await api.request('POST', '/v1/staff/accounts', { key: (await api.newAccount('customer')).apiKey, body });
    assert.equal(refused.status, 401, 'a customer key opens no staff route');

    const res = await api.request('POST', '/v1/staff/accounts', { key: support.token, body });
    assert.equal(res.status, 201, res.text);
    const { token } = await tokenMailedTo(mail, ownerEmail, /invited to the Relance workspace "Opened by staff"/);
    const accepted = await api.request('POST', '/v1/invitations/accept', { body: { token, name: 'Katherine G. Johnson' } });
    assert.equal(accepted.status, 201, accepted.text);
    assert.equal(accepted.body.accountId, res.body.accountId);
    assert.equal(accepted.body.userId, res.body.ownerId);
    const me = await api.request('GET', '/v1/users', { key: accepted.body.apiKey.key });
    assert.deepEqual(me.body.data.map((u: any) => [u.role, u.name, Boolean(u.emailVerifiedAt)]), [['owner', 'Katherine G. Johnson', true]]);
    const audit = await api.dataSource.query(
      `SELECT actor_kind, actor_id FROM audit_events WHERE action = 'account.created' AND target_id = $1`, [res.body.accountId],
    );
    assert.deepEqual(audit, [{ actor_kind: 'staff', actor_id: support.user.id }]);
  });

  it('lets the erasure of the owner who signed up take their sign-up with them', async () => {
    const email = address('leaving');
    await signUp(email);
    const { token } = await tokenMailedTo(mail, email, /Confirm/);
    const owner = (await verify(token)).body;
    const second = `second-${randomUUID()}@signup.test`;
    assert.equal((await api.request('POST', '/v1/invitations', { key: owner.apiKey.key, body: { email: second, role: 'owner' } })).status, 201);
    const invited = await tokenMailedTo(mail, second, /invited/);
    assert.equal((await api.request('POST', '/v1/invitations/accept', { body: { token: invited.token, name: 'Second' } })).status, 201);

    const db = api.dataSource;
    const erasure = new ErasureService(api.app.get(APP_CONFIG), new ErasureRepository(db), new AuditTrail(new AuditRepository(db)));
    const report = await erasure.eraseSubject({ kind: 'user', accountId: owner.accountId, userId: owner.userId }, randomUUID(), { kind: 'system', id: null });
    assert.equal(report.counts.signup_requests, 1, JSON.stringify(report.counts));
    assert.deepEqual(await db.query(`SELECT id FROM signup_requests WHERE email = $1`, [email]), []);
  });
});
