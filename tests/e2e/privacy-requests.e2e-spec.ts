import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startSmtpCapture, type CapturedMessage, type SmtpCapture } from '../harness/smtp-capture';
import { ApiClient, eventually } from '../support/api-client';
import { launchSequence } from '../support/launched-sequence';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';
import { newStaffMember } from '../support/staff-fixtures';

/**
 * Data-subject requests through the real stack (API, worker, workflows on the dev server),
 * with durations shrunk to seconds and Relance's own mail going to an SMTP capture.
 * Due 8 s after verification; staff reminded 6, 4 and 2 s before; unverified requests expire after 5 s.
 */
const ENV = {
  PRIVACY_UNVERIFIED_EXPIRY: '5s',
  PRIVACY_REQUEST_DEADLINE: '8s',
  PRIVACY_REMINDERS: '6s,4s,2s',
};

describe('privacy requests (workflows)', () => {
  let stack: RelanceStack;
  let systemMail: SmtpCapture;
  let publicApi: ApiClient;
  let staffApi: ApiClient;

  before(async () => {
    systemMail = await startSmtpCapture();
    stack = await startRelanceStack({ env: { ...ENV, SYSTEM_MAIL_SMTP_URL: `smtp://${systemMail.host}:${systemMail.port}` } });
    publicApi = new ApiClient(stack.apiUrl);
    staffApi = new ApiClient(stack.apiUrl, (await newStaffMember(stack.dataSource, 'support')).token);
  });

  after(async () => {
    await stack?.stop();
    await systemMail?.stop();
  });

  const mailTo = (address: string, subject: RegExp) =>
    systemMail.waitFor((m: CapturedMessage) => m.to.includes(address) && subject.test(m.subject ?? ''), 20_000);
  const linkToken = (message: CapturedMessage, path: string) => {
    const match = new RegExp(`${path}/([A-Za-z0-9_.~-]+)`).exec(message.text ?? '');
    assert.ok(match, `a ${path} link in the mail`);
    return match[1];
  };
  const requestRow = async (id: string) => (await stack.dataSource.query(`SELECT * FROM privacy_requests WHERE id = $1`, [id]))[0];
  const eventKinds = async (id: string): Promise<string[]> =>
    (await stack.dataSource.query(`SELECT kind FROM privacy_request_events WHERE request_id = $1 ORDER BY occurred_at, id`, [id]))
      .map((row: { kind: string }) => row.kind);
  const statusBecomes = (id: string, status: string, timeoutMs = 20_000) =>
    eventually(`request ${id} ${status}`, async () => ((await requestRow(id))?.status === status ? true : undefined), timeoutMs);
  const createProspect = async (email: string, firstName = 'Grace') => {
    const res = await stack.api.post('/v1/prospects', { email, firstName, lastName: 'Hopper' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  };

  it('public erasure: 202, link mailed, confirmed once, erased, certificate mailed and checkable', async () => {
    const email = 'grace.hopper@privacy.test';
    const prospectId = await createProspect(email);
    const res = await publicApi.post('/v1/privacy-requests', { email, type: 'erasure', message: 'Please forget me' });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const requestId = res.body.requestId as string;

    const token = linkToken(await mailTo(email, /Confirm/), 'verify');
    const look = await publicApi.get(`/v1/privacy-requests/verify/${token}`);
    assert.equal(look.status, 200);
    assert.equal(look.body.status, 'awaiting_verification', 'GET does not confirm (mail scanners open links)');
    const confirmed = await publicApi.post(`/v1/privacy-requests/verify/${token}`);
    assert.equal(confirmed.status, 200, JSON.stringify(confirmed.body));

    const done = await mailTo(email, /complete/);
    await statusBecomes(requestId, 'completed');
    assert.equal((await stack.api.get(`/v1/prospects/${prospectId}`)).status, 404, 'the prospect is gone');
    const row = await requestRow(requestId);
    assert.equal(row.contact_email, null, 'the contact address is nulled once the request closes');
    assert.equal(row.message, null);
    assert.ok(done.text?.includes(row.certificate), 'the mailed certificate is the stored one');

    const check = await publicApi.post('/v1/privacy-requests/certificates/verify', { certificate: row.certificate });
    assert.equal(check.status, 200);
    assert.equal(check.body.valid, true);
    assert.equal(check.body.body.found, true);
    assert.equal(check.body.body.counts.prospects, 1);
    assert.equal(JSON.stringify(check.body.body).includes(email), false, 'no address in the certificate');
    const [header, payload, signature] = row.certificate.split('.');
    const altered = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('"prospects":1', '"prospects":0')).toString('base64url');
    const forged = await publicApi.post('/v1/privacy-requests/certificates/verify', { certificate: `${header}.${altered}.${signature}` });
    assert.deepEqual(forged.body, { valid: false, body: null });
    const inQuery = await publicApi.get(`/v1/privacy-requests/certificates/verify?certificate=${encodeURIComponent(row.certificate)}`);
    assert.equal(inQuery.body.valid, true);
    assert.equal((await publicApi.get('/v1/privacy-requests/certificates/verify')).status, 400, 'the certificate is required');

    const reused = await publicApi.post(`/v1/privacy-requests/verify/${token}`);
    assert.equal(reused.status, 409, 'a link works once');
    assert.match(reused.body.error.message, /used already/);
    const audit = await stack.dataSource.query(`SELECT action FROM audit_events WHERE target_id = $1 ORDER BY occurred_at`, [requestId]);
    assert.deepEqual(audit.map((a: { action: string }) => a.action), ['privacy_request.received', 'privacy_request.verified', 'privacy_request.erasure_executed']);
  });

  it('a request about an address never held answers the same and completes with a certificate saying nothing was found', async () => {
    const email = 'nobody.here@privacy.test';
    const res = await publicApi.post('/v1/privacy-requests', { email, type: 'access' });
    assert.equal(res.status, 202);
    assert.deepEqual(Object.keys(res.body).sort(), ['message', 'requestId']);
    const token = linkToken(await mailTo(email, /Confirm/), 'verify');
    assert.equal((await publicApi.post(`/v1/privacy-requests/verify/${token}`)).status, 200);
    await statusBecomes(res.body.requestId, 'completed');
    const check = await publicApi.post('/v1/privacy-requests/certificates/verify', { certificate: (await requestRow(res.body.requestId)).certificate });
    assert.equal(check.body.valid, true);
    assert.equal(check.body.body.found, false);
    assert.deepEqual(check.body.body.counts, {});
  });

  it('public access: the export link in the answer gives every row held, the link refused once altered', async () => {
    const email = 'ada.lovelace@privacy.test';
    await createProspect(email, 'Ada');
    const res = await publicApi.post('/v1/privacy-requests', { email, type: 'access' });
    const token = linkToken(await mailTo(email, /Confirm/), 'verify');
    assert.equal((await publicApi.post(`/v1/privacy-requests/verify/${token}`)).status, 200);
    const exportToken = linkToken(await mailTo(email, /complete/), 'exports');
    const exported = await publicApi.get(`/v1/privacy-requests/exports/${exportToken}`);
    assert.equal(exported.status, 200);
    assert.equal(exported.body.prospects.length, 1);
    assert.equal(exported.body.prospects[0].tables.prospects[0].email, email);
    assert.equal((await publicApi.get(`/v1/privacy-requests/exports/${exportToken.slice(0, -2)}xx`)).status, 400);
    // The answer is mailed just before the request closes.
    await statusBecomes(res.body.requestId, 'completed');
  });

  it('an unverified request expires and never executes; its link is refused afterwards', async () => {
    const email = 'kept.prospect@privacy.test';
    const prospectId = await createProspect(email);
    const res = await publicApi.post('/v1/privacy-requests', { email, type: 'erasure' });
    const token = linkToken(await mailTo(email, /Confirm/), 'verify');
    const again = await publicApi.post('/v1/privacy-requests', { email, type: 'erasure' });
    assert.equal(again.status, 202);
    assert.equal(again.body.requestId, res.body.requestId, 'the same pending request, no second link mailed');
    await statusBecomes(res.body.requestId, 'expired');
    assert.deepEqual(await eventKinds(res.body.requestId), ['verification_link_sent', 'expired']);
    assert.equal((await stack.api.get(`/v1/prospects/${prospectId}`)).status, 200, 'nothing was erased');
    const late = await publicApi.post(`/v1/privacy-requests/verify/${token}`);
    assert.ok(late.status === 400 || late.status === 409, `refused: ${late.status}`);
    assert.equal((await requestRow(res.body.requestId)).contact_email, null);
  });

  it('refuses a forged verification link with a 400 naming the token', async () => {
    const res = await publicApi.post('/v1/privacy-requests/verify/eyJhbGciOiJIUzI1NiIsImtpZCI6InQxIn0.eyJzdWIiOiJwLn4xMjMifQ.AAAA');
    assert.equal(res.status, 400);
    assert.equal(res.body.error.field, 'token');
  });

  it('reminds staff 6, 4 and 2 s before the due date, then escalates, in that order', async () => {
    const prospectId = await createProspect('rectify.me@privacy.test');
    const res = await stack.api.post(`/v1/prospects/${prospectId}/privacy-requests`, { type: 'rectification', message: 'my name is wrong' });
    assert.equal(res.status, 202, JSON.stringify(res.body));
    const id = res.body.id as string;
    assert.equal(res.body.status, 'verified', 'a customer\'s request is verified by its key');
    await eventually('escalation', async () => ((await requestRow(id)).escalated_at ? true : undefined), 20_000);
    // The escalation's event row is written just after escalated_at: wait for it, then check the order.
    const kinds = await eventually('the escalation event', async () => {
      const found = await eventKinds(id);
      return found.includes('escalated') ? found : undefined;
    }, 5_000);
    assert.deepEqual(kinds, ['verified', 'reminder', 'reminder', 'reminder', 'escalated']);
    const overdue = await staffApi.get('/v1/staff/privacy-requests?overdue=true');
    assert.ok(overdue.body.data.some((r: { id: string }) => r.id === id), 'listed as overdue');

    const fixed = await staffApi.post(`/v1/staff/privacy-requests/${id}/rectify`, { fields: { first_name: 'Amazing Grace' } });
    assert.equal(fixed.status, 200, JSON.stringify(fixed.body));
    await statusBecomes(id, 'completed');
    const [prospect] = await stack.dataSource.query(`SELECT first_name FROM prospects WHERE id = $1`, [prospectId]);
    assert.equal(prospect.first_name, 'Amazing Grace');
  });

  it('extends once with a reason, telling the subject; a second extension is refused', async () => {
    const email = 'slow.case@privacy.test';
    await createProspect(email);
    const res = await publicApi.post('/v1/privacy-requests', { email, type: 'rectification', message: 'wrong company' });
    const token = linkToken(await mailTo(email, /Confirm/), 'verify');
    assert.equal((await publicApi.post(`/v1/privacy-requests/verify/${token}`)).status, 200);
    const id = res.body.requestId as string;
    const before = new Date((await requestRow(id)).due_at).getTime();
    const extended = await staffApi.post(`/v1/staff/privacy-requests/${id}/extend`, { reason: 'records held by a subcontractor' });
    assert.equal(extended.status, 200, JSON.stringify(extended.body));
    assert.equal(new Date(extended.body.dueAt).getTime(), before + 8_000);
    const notice = await mailTo(email, /more time/);
    assert.match(notice.text ?? '', /subcontractor/);
    const again = await staffApi.post(`/v1/staff/privacy-requests/${id}/extend`, { reason: 'again' });
    assert.equal(again.status, 409);
    const blank = await staffApi.post(`/v1/staff/privacy-requests/${id}/extend`, {});
    assert.equal(blank.status, 400);
    await staffApi.post(`/v1/staff/privacy-requests/${id}/rectify`, { fields: { company: 'Navy' } });
    await mailTo(email, /complete/);
  });

  it('restriction stops a running sequence before its next email (the send claim refuses); staff lift it', async () => {
    const email = 'restrict.me@privacy.test';
    // An account of its own: the launch enrolls every prospect of the account.
    const { api } = await stack.newAccount('Restricting');
    const sequence = await launchSequence(stack, api, {
      rep: 1, emails: [email],
      steps: [{ type: 'email', subject: 'Hello', body: 'First' }, { type: 'wait', amount: 5, unit: 'seconds' }, { type: 'email', body: 'Second' }],
    });
    try {
      await stack.smtp.waitFor((m) => m.to.includes(email), 20_000);
      const [{ prospect_id: prospectId }] = await stack.dataSource.query(`SELECT prospect_id FROM enrollments WHERE id = $1`, [sequence.enrollmentIds[email]]);
      const res = await api.post(`/v1/prospects/${prospectId}/privacy-requests`, { type: 'restriction' });
      assert.equal(res.status, 202, JSON.stringify(res.body));
      await statusBecomes(res.body.id, 'completed');
      const [enrollment] = await sequence.settled('stopped', 30_000) as { stopReason: string }[];
      assert.equal(enrollment.stopReason, 'prospect_restricted');
      assert.equal(stack.smtp.messages.filter((m) => m.to.includes(email)).length, 1, 'the second email never went');
      const restricted = async () => (await stack.dataSource.query(`SELECT restricted FROM prospects WHERE id = $1`, [prospectId]))[0].restricted;
      assert.equal(await restricted(), true);
      const lifted = await staffApi.post(`/v1/staff/privacy-requests/${res.body.id}/lift-restriction`);
      assert.equal(lifted.status, 200, JSON.stringify(lifted.body));
      assert.equal(await restricted(), false);
    } finally {
      await sequence.stopSync();
    }
  });

  it('staff verify a request by hand with a reason (audited); once only, and never without a reason', async () => {
    const email = 'phoned.in@privacy.test';
    const prospectId = await createProspect(email);
    const res = await publicApi.post('/v1/privacy-requests', { email, type: 'restriction', message: 'called support' });
    const id = res.body.requestId as string;
    await mailTo(email, /Confirm/); // the link went out; the subject phoned support instead of using it
    assert.equal((await staffApi.post(`/v1/staff/privacy-requests/${id}/verify`, {})).status, 400);
    const verified = await staffApi.post(`/v1/staff/privacy-requests/${id}/verify`, { reason: 'identity checked by phone' });
    assert.equal(verified.status, 200, JSON.stringify(verified.body));
    assert.equal(verified.body.verificationMethod, 'staff');
    assert.equal((await staffApi.post(`/v1/staff/privacy-requests/${id}/verify`, { reason: 'again' })).status, 409);
    await statusBecomes(id, 'completed');
    const [prospect] = await stack.dataSource.query(`SELECT restricted FROM prospects WHERE id = $1`, [prospectId]);
    assert.equal(prospect.restricted, true);
    const detail = await staffApi.get(`/v1/staff/privacy-requests/${id}`);
    assert.deepEqual(detail.body.events.map((e: { kind: string }) => e.kind), ['verification_link_sent', 'verified', 'completed']);
    const [audit] = await stack.dataSource.query(
      `SELECT reason FROM audit_events WHERE target_id = $1 AND action = 'privacy_request.verified'`, [id]);
    assert.equal(audit.reason, 'identity checked by phone');
    assert.equal((await staffApi.get(`/v1/staff/privacy-requests/not-an-id`)).status, 400);
  });

  it('staff routes refuse a call without a staff token, or with a customer\'s API key (401)', async () => {
    assert.equal((await publicApi.get('/v1/staff/privacy-requests')).status, 401);
    assert.equal((await stack.api.get('/v1/staff/privacy-requests')).status, 401);
    const list = await staffApi.get('/v1/staff/privacy-requests?status=completed&type=erasure');
    assert.equal(list.status, 200);
    assert.ok(list.body.data.every((r: { status: string; type: string }) => r.status === 'completed' && r.type === 'erasure'));
    assert.ok(list.body.data.length >= 1);
  });
});
