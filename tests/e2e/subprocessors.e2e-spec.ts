import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { issueApiKey } from '../../apps/api/src/auth/bootstrap-account';
import { subprocessorNoticeWorkflowId } from '@relance/temporal/contracts';
import { startSmtpCapture, type CapturedMessage, type SmtpCapture } from '../harness/smtp-capture';
import { ApiClient, eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';
import { newStaffMember } from '../support/staff-fixtures';

/**
 * The subprocessor registry through the real stack: admins change it over the staff routes, the
 * notice workflow mails subscribed owners through Relance's system mailer (an SMTP capture here),
 * and anyone reads the list as JSON and HTML. Changes take effect an hour after they are made
 * unless a date is given.
 */
const SUBSCRIBER = 'owner@subscriber-co.test';
const FLAKY = 'owner@flaky-co.test';
const QUIET = 'owner@quiet-co.test';

describe('subprocessor registry (staff routes, notices, public list)', () => {
  let stack: RelanceStack;
  let systemMail: SmtpCapture;
  let admin: ApiClient;
  let support: ApiClient;
  let operator: ApiClient;
  let publicApi: ApiClient;
  let subscriber: ApiClient;
  let flaky: ApiClient;
  let quiet: ApiClient;
  let member: ApiClient;
  let adminId: string;
  let ownAccounts: string[];
  // Once armed, the flaky owner's next notice is refused (a 451): the retry must reach it, and mail nobody twice.
  let refuseFlakyOnce = false;

  before(async () => {
    systemMail = await startSmtpCapture({
      failWith: (envelope) => {
        if (!refuseFlakyOnce || !envelope.to.includes(FLAKY)) return undefined;
        refuseFlakyOnce = false;
        return { code: 451, message: 'try again later' };
      },
    });
    stack = await startRelanceStack({
      env: { SYSTEM_MAIL_SMTP_URL: `smtp://${systemMail.host}:${systemMail.port}`, SUBPROCESSOR_NOTICE_PERIOD: '1h' },
    });
    publicApi = new ApiClient(stack.apiUrl);
    const adminMember = await newStaffMember(stack.dataSource, 'admin');
    adminId = adminMember.user.id;
    admin = new ApiClient(stack.apiUrl, adminMember.token);
    support = new ApiClient(stack.apiUrl, (await newStaffMember(stack.dataSource, 'support')).token);
    operator = new ApiClient(stack.apiUrl, (await newStaffMember(stack.dataSource, 'operator')).token);
    const subscriberAccount = await stack.newAccount('Subscriber Co');
    subscriber = subscriberAccount.api;
    const flakyAccount = await stack.newAccount('Flaky Co');
    flaky = flakyAccount.api;
    const quietAccount = await stack.newAccount('Quiet Co');
    ownAccounts = [subscriberAccount.accountId, flakyAccount.accountId, quietAccount.accountId];
    quiet = quietAccount.api;
    const [{ id: memberId }] = await stack.dataSource.query(
      `INSERT INTO users (account_id, email, name, role) VALUES ($1, 'member@quiet-co.test', 'Member', 'member') RETURNING id`,
      [quietAccount.accountId],
    );
    member = new ApiClient(stack.apiUrl, (await issueApiKey(stack.dataSource, { accountId: quietAccount.accountId, userId: memberId, name: 'member' })).apiKey);
  });

  after(async () => {
    await stack?.stop();
    await systemMail?.stop();
  });

  const fields = (name: string) => ({
    name, address: '12 Rue de la Paix, 75002 Paris, France', processingScope: 'Email delivery',
    personalDataTypes: 'Name, email address', processingLocation: 'France', transferMechanism: 'N/A',
  });
  const create = async (body: Record<string, unknown>) => {
    const res = await admin.post('/v1/staff/subprocessors', body);
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body;
  };
  const noticeRun = (changeId: string) => stack.temporal.client.workflow.getHandle(subprocessorNoticeWorkflowId(changeId)).result();
  const noticesTo = (address: string, changeId: string) =>
    systemMail.messages.filter((m: CapturedMessage) => m.to.includes(address) && (m.text ?? '').includes(changeId));
  const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();

  it('owners subscribe and unsubscribe; members and keyless callers are refused', async () => {
    assert.deepEqual((await subscriber.get('/v1/account/subprocessor-notices')).body, { subscribed: false, subscribedAt: null });
    const on = await subscriber.request('PUT', '/v1/account/subprocessor-notices');
    assert.equal(on.status, 200, JSON.stringify(on.body));
    assert.equal(on.body.subscribed, true);
    assert.equal((await subscriber.request('PUT', '/v1/account/subprocessor-notices')).body.subscribedAt, on.body.subscribedAt, 'idempotent');
    assert.equal((await flaky.request('PUT', '/v1/account/subprocessor-notices')).body.subscribed, true);
    assert.equal((await quiet.request('PUT', '/v1/account/subprocessor-notices')).body.subscribed, true);
    const off = await quiet.request('DELETE', '/v1/account/subprocessor-notices');
    assert.deepEqual(off.body, { subscribed: false, subscribedAt: null });
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const refused = await member.request(method, '/v1/account/subprocessor-notices');
      assert.equal(refused.status, 403, `${method} by a member`);
      assert.match(refused.body.error.message, /owner/);
    }
    assert.equal((await publicApi.request('PUT', '/v1/account/subprocessor-notices')).status, 401);
    // This test's owners only: other specs subscribe owners of their own.
    const audit = await stack.dataSource.query(
      `SELECT action FROM audit_events WHERE action LIKE 'subprocessor_notices.%' AND account_id = ANY($1) ORDER BY occurred_at`, [ownAccounts]);
    assert.deepEqual(audit.map((a: { action: string }) => a.action),
      ['subprocessor_notices.subscribed', 'subprocessor_notices.subscribed', 'subprocessor_notices.subscribed', 'subprocessor_notices.unsubscribed']);
  });

  it('staff routes take an admin\'s staff token only', async () => {
    const body = fields(`Refused ${randomUUID()}`);
    assert.equal((await support.get('/v1/staff/subprocessors')).status, 403);
    assert.equal((await operator.post('/v1/staff/subprocessors', body)).status, 403);
    const supportRetire = await support.post(`/v1/staff/subprocessors/${randomUUID()}/retire`, {});
    assert.equal(supportRetire.status, 403);
    assert.match(supportRetire.body.error.message, /admin/);
    assert.equal((await subscriber.get('/v1/staff/subprocessors')).status, 401, 'a customer\'s API key');
    assert.equal((await subscriber.post('/v1/staff/subprocessors', body)).status, 401);
    assert.equal((await publicApi.get('/v1/staff/subprocessor-changes')).status, 401);
    const [{ count }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM subprocessors WHERE name = $1`, [body.name]);
    assert.equal(count, 0, 'nothing was added');
    const listed = await admin.get('/v1/staff/subprocessors?limit=200');
    assert.equal(listed.status, 200);
    assert.ok(listed.body.data.length >= 25, 'the seeded entries');
    assert.ok(listed.body.data.some((entry: { name: string; address: string }) =>
      entry.name === 'Meta Platforms, Inc' && entry.address === '1 Hacker Way, Menlo Park, California'));
  });

  it('lists the registry a page at a time, in name order, and refuses a cursor that names no entry', async () => {
    const all = (await admin.get('/v1/staff/subprocessors?limit=200')).body.data.map((entry: { id: string }) => entry.id);
    const first = await admin.get('/v1/staff/subprocessors?limit=10');
    assert.equal(first.body.data.length, 10);
    assert.equal(first.body.nextCursor, first.body.data[9].id);
    const second = await admin.get(`/v1/staff/subprocessors?limit=10&after=${first.body.nextCursor}`);
    const paged = [...first.body.data, ...second.body.data].map((entry: { id: string }) => entry.id);
    assert.deepEqual(paged, all.slice(0, paged.length), 'the second page goes on where the first ended');
    const stale = await admin.get(`/v1/staff/subprocessors?after=${randomUUID()}`);
    assert.deepEqual([stale.status, stale.body.error.field], [400, 'after']);
    assert.equal((await admin.get(`/v1/staff/subprocessor-changes?after=${randomUUID()}`)).status, 400);
  });

  it('bad input gets a 400 naming the field; impossible changes a 404 or 409', async () => {
    const missing = await admin.post('/v1/staff/subprocessors', { ...fields('x'), name: undefined });
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.field, 'name');
    const blank = await admin.post('/v1/staff/subprocessors', { ...fields('x'), address: '   ' });
    assert.equal(blank.body.error.field, 'address');
    const multiline = await admin.post('/v1/staff/subprocessors', fields('Evil\r\nBcc: someone@example.com'));
    assert.equal(multiline.status, 400);
    assert.equal(multiline.body.error.field, 'name');
    const past = await admin.post('/v1/staff/subprocessors', { ...fields(`Past ${randomUUID()}`), effectiveAt: '2020-01-01T00:00:00Z' });
    assert.equal(past.status, 400);
    assert.equal(past.body.error.field, 'effectiveAt');
    assert.match(past.body.error.message, /in the future/);
    const garbled = await admin.post('/v1/staff/subprocessors', { ...fields(`Garbled ${randomUUID()}`), effectiveAt: 'next week' });
    assert.equal(garbled.body.error.field, 'effectiveAt');
    const unknown = await admin.post('/v1/staff/subprocessors', { ...fields(`Unknown ${randomUUID()}`), country: 'FR' });
    assert.equal(unknown.status, 400);
    assert.equal(unknown.body.error.field, 'country');
    assert.equal((await admin.post('/v1/staff/subprocessors', fields('stripe'))).status, 409, 'an active entry has that name (any capitals)');
    const twin = fields(`Twin ${randomUUID()}`);
    const both = await Promise.all([admin.post('/v1/staff/subprocessors', twin), admin.post('/v1/staff/subprocessors', twin)]);
    assert.deepEqual(both.map((res) => res.status).sort(), [201, 409], 'two admins at once: one entry, the other told why');
    assert.equal(both.find((res) => res.status === 409)!.body.error.field, 'name');

    const entry = await create(fields(`Editable ${randomUUID()}`));
    assert.equal((await admin.request('PATCH', `/v1/staff/subprocessors/${entry.id}`, {})).status, 400, 'nothing to change');
    const same = await admin.request('PATCH', `/v1/staff/subprocessors/${entry.id}`, { address: entry.address });
    assert.equal(same.status, 400);
    assert.match(same.body.error.message, /nothing changes/);
    const nulled = await admin.request('PATCH', `/v1/staff/subprocessors/${entry.id}`, { address: null });
    assert.equal(nulled.body.error.field, 'address');
    const early = await admin.post(`/v1/staff/subprocessors/${entry.id}/retire`, { effectiveAt: inSeconds(60) });
    assert.equal(early.status, 400, 'before the pending addition takes effect');
    assert.equal(early.body.error.field, 'effectiveAt');
    assert.equal((await admin.request('PATCH', '/v1/staff/subprocessors/not-an-id', { name: 'x' })).body.error.field, 'id');
    assert.equal((await admin.post(`/v1/staff/subprocessors/${randomUUID()}/retire`, {})).status, 404);
    assert.equal((await admin.post(`/v1/staff/subprocessors/${entry.id}/retire`, {})).status, 200);
    assert.equal((await admin.post(`/v1/staff/subprocessors/${entry.id}/retire`, {})).status, 409, 'retired already');
    assert.equal((await admin.request('PATCH', `/v1/staff/subprocessors/${entry.id}`, { name: 'Again' })).status, 409);
  });

  it('an admin adds, edits and retires an entry: each change logged with its date, audited and mailed to subscribers only', async () => {
    refuseFlakyOnce = true;
    const name = `Mailjet ${randomUUID().slice(0, 8)}`;
    const addedAt = inSeconds(120);
    const added = await create({ ...fields(name), effectiveAt: addedAt, reason: 'new delivery provider' });
    const addition = added.changes[0];
    assert.equal(addition.kind, 'added');
    assert.equal(addition.effectiveAt, addedAt);
    assert.deepEqual(addition.changes.name, { before: null, after: name });

    const edited = await admin.request('PATCH', `/v1/staff/subprocessors/${added.id}`, { processingLocation: 'Germany', address: '1 Allee, Berlin' });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    const edit = edited.body.changes[0];
    assert.equal(edit.kind, 'updated');
    assert.deepEqual(edit.changes, {
      address: { before: '12 Rue de la Paix, 75002 Paris, France', after: '1 Allee, Berlin' },
      processingLocation: { before: 'France', after: 'Germany' },
    });
    const hour = Date.parse(edit.effectiveAt) - Date.parse(edit.createdAt);
    assert.ok(hour >= 3_599_000 && hour <= 3_601_000, `default: SUBPROCESSOR_NOTICE_PERIOD (1h) ahead, was ${hour} ms`);

    const retired = await admin.post(`/v1/staff/subprocessors/${added.id}/retire`, { reason: 'contract ends' });
    assert.equal(retired.status, 200);
    assert.equal(retired.body.status, 'retired');
    const retirement = retired.body.changes[0];

    const log = await admin.get(`/v1/staff/subprocessors/${added.id}`);
    assert.deepEqual(log.body.changes.map((c: { kind: string }) => c.kind), ['retired', 'updated', 'added']);
    assert.ok(log.body.changes.every((c: { createdByStaffId: string; inEffect: boolean }) => c.createdByStaffId === adminId && !c.inEffect));
    const changes = await admin.get(`/v1/staff/subprocessor-changes?subprocessorId=${added.id}`);
    assert.deepEqual(changes.body.data.map((c: { id: string }) => c.id), [retirement.id, edit.id, addition.id]);
    assert.equal(changes.body.nextCursor, null);
    const audit = await stack.dataSource.query(
      `SELECT action, actor_id, reason, details FROM audit_events WHERE target_type = 'subprocessor' AND target_id = $1 ORDER BY occurred_at`, [added.id],
    );
    assert.deepEqual(audit.map((a: { action: string }) => a.action), ['subprocessor.added', 'subprocessor.updated', 'subprocessor.retired']);
    assert.deepEqual([audit[0].actor_id, audit[0].reason, audit[0].details.changeId], [adminId, 'new delivery provider', addition.id]);

    for (const change of [addition, edit, retirement]) assert.deepEqual(await noticeRun(change.id), { sent: 2 }, 'the subscriber and the flaky owner');
    for (const change of [addition, edit, retirement]) {
      assert.equal(noticesTo(SUBSCRIBER, change.id).length, 1, 'one notice per change, never two');
      assert.equal(noticesTo(FLAKY, change.id).length, 1, 'reached on the retry, once');
      assert.equal(noticesTo(QUIET, change.id).length, 0, 'the owner who unsubscribed');
    }
    assert.equal(refuseFlakyOnce, false, 'the flaky server refused a notice once, and the retry reached it');
    const notice = noticesTo(SUBSCRIBER, edit.id)[0];
    assert.match(notice.subject ?? '', new RegExp(`${name} will change on ${edit.effectiveAt.slice(0, 10)}`));
    assert.match(notice.text ?? '', /Processing location: France -> Germany/);
    assert.match(notice.text ?? '', new RegExp(`object to this change before ${edit.effectiveAt.replace(/\./g, '\\.')}`));
    assert.equal((await admin.get(`/v1/staff/subprocessor-changes?subprocessorId=${added.id}`)).body.data[0].noticesSent, 2);
    const [{ count }] = await stack.dataSource.query(`SELECT count(*)::int AS count FROM subprocessor_notice_sends WHERE change_id = $1`, [edit.id]);
    assert.equal(count, 2);
  });

  it('the public list, JSON and HTML, shows what applies now and what is announced', async () => {
    const soon = await create({ ...fields(`Soon <b>${randomUUID().slice(0, 8)}</b>`), effectiveAt: inSeconds(2) });
    const leaving = await create({ ...fields(`Leaving ${randomUUID().slice(0, 8)}`), effectiveAt: inSeconds(1) });
    await eventually('the leaving entry in effect', async () =>
      ((await publicApi.get('/v1/subprocessors')).body.subprocessors.some((s: { id: string }) => s.id === leaving.id) ? true : undefined));
    const retired = await admin.post(`/v1/staff/subprocessors/${leaving.id}/retire`, {});
    assert.equal(retired.status, 200);

    const listed = await publicApi.get('/v1/subprocessors');
    assert.equal(listed.status, 200);
    const names = listed.body.subprocessors.map((s: { name: string }) => s.name);
    assert.ok(names.includes('Stripe') && names.includes('Meta Platforms, Inc'), 'the seeded entries');
    assert.ok(names.includes(leaving.name), 'retired with a date ahead: still listed');
    const upcoming = listed.body.upcomingChanges;
    const retirement = upcoming.find((u: { subprocessorId: string }) => u.subprocessorId === leaving.id);
    assert.equal(retirement.kind, 'retired');
    assert.equal(retirement.effectiveAt, retired.body.changes[0].effectiveAt);
    const times = upcoming.map((u: { effectiveAt: string }) => Date.parse(u.effectiveAt));
    assert.deepEqual(times, [...times].sort((a, b) => a - b), 'soonest first');

    const html = await fetch(`${stack.apiUrl}/subprocessors`);
    assert.equal(html.status, 200);
    assert.match(html.headers.get('content-type') ?? '', /text\/html/);
    const page = await html.text();
    assert.match(page, /Hacker Way, Menlo Park, California/);
    assert.match(page, new RegExp(`${leaving.name}</strong>: Retired on`));
    assert.equal(page.includes('<b>'), false, 'names are escaped');
    assert.ok(page.includes(soon.name.replace('<b>', '&lt;b&gt;').replace('</b>', '&lt;/b&gt;')), 'the escaped name is there');

    await eventually('the addition in effect', async () =>
      ((await publicApi.get('/v1/subprocessors')).body.subprocessors.some((s: { id: string }) => s.id === soon.id) ? true : undefined));
    const later = await publicApi.get('/v1/subprocessors');
    assert.equal(later.body.upcomingChanges.some((u: { subprocessorId: string }) => u.subprocessorId === soon.id), false, 'no longer upcoming');
  });

  it('documents the routes: staff ones with the staff token, the owner\'s with the API key, the public list with neither', async () => {
    const doc = (await publicApi.get('/docs-json')).body;
    for (const [path, method] of [
      ['/v1/staff/subprocessors', 'get'], ['/v1/staff/subprocessors', 'post'], ['/v1/staff/subprocessors/{id}', 'patch'],
      ['/v1/staff/subprocessors/{id}/retire', 'post'], ['/v1/staff/subprocessor-changes', 'get'],
    ]) {
      assert.deepEqual(doc.paths[path][method].security, [{ 'staff-token': [] }], `${method} ${path}`);
    }
    assert.deepEqual(doc.paths['/v1/account/subprocessor-notices'].put.security, [{ 'api-key': [] }]);
    assert.deepEqual(doc.paths['/v1/subprocessors'].get.security, [], 'public: an explicit empty security list');
    assert.ok(doc.paths['/subprocessors'].get, 'the HTML page');
    assert.ok(doc.components.schemas.FieldChangeDto, 'the change shape the console reads');
  });
});
