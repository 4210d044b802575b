import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { PrivacyRequestRepository } from '@relance/privacy/requests/privacy-request.repository';
import { privacyRequestWorkflowId } from '@relance/temporal/contracts';
import { testEnv } from '../harness/env';
import { startSmtpCapture, type CapturedMessage, type SmtpCapture } from '../harness/smtp-capture';
import { ApiClient, eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';
import { newStaffMember } from '../support/staff-fixtures';
import { TcpRelay } from '../support/tcp-relay';

/**
 * Staff rejecting a request, and the live state the single-request route reads from the
 * request's workflow. Windows are long enough that nothing expires or escalates mid-test. The
 * API reaches Temporal through a relay that can play a server that is down.
 */
const ENV = { PRIVACY_UNVERIFIED_EXPIRY: '120s', PRIVACY_REQUEST_DEADLINE: '120s', PRIVACY_REMINDERS: '60s' };

describe('privacy requests: reject and live state', () => {
  let stack: RelanceStack;
  let systemMail: SmtpCapture;
  let publicApi: ApiClient;
  let support: ApiClient;
  let operator: ApiClient;
  let relay: TcpRelay;

  before(async () => {
    systemMail = await startSmtpCapture();
    const [host, port] = testEnv().temporalAddress.split(':');
    relay = await TcpRelay.start({ host, port: Number(port) });
    stack = await startRelanceStack({
      env: { ...ENV, SYSTEM_MAIL_SMTP_URL: `smtp://${systemMail.host}:${systemMail.port}` },
      apiEnv: { TEMPORAL_ADDRESS: `${relay.host}:${relay.port}`, TEMPORAL_RPC_TIMEOUT: '2s' },
    });
    publicApi = new ApiClient(stack.apiUrl);
    support = new ApiClient(stack.apiUrl, (await newStaffMember(stack.dataSource, 'support')).token);
    operator = new ApiClient(stack.apiUrl, (await newStaffMember(stack.dataSource, 'operator')).token);
  });

  after(async () => {
    relay?.accept();
    await stack?.stop();
    await relay?.stop();
    await systemMail?.stop();
  });

  const mailTo = (address: string, subject: RegExp) =>
    systemMail.waitFor((m: CapturedMessage) => m.to.includes(address) && subject.test(m.subject ?? ''), 20_000);
  const workflowResult = (id: string) => stack.temporal.client.workflow.getHandle(privacyRequestWorkflowId(id)).result();
  const liveOf = async (id: string) => (await support.get(`/v1/staff/privacy-requests/${id}`)).body;
  const livePhase = (id: string, phase: string) =>
    eventually(`request ${id} live ${phase}`, async () => {
      const body = await liveOf(id);
      return body.live?.phase === phase ? body : undefined;
    });

  it('rejects an unverified public request: reason required, mailed, audited, the workflow ends rejected, twice is 409', async () => {
    const email = 'rejected.one@privacy.test';
    const filed = await publicApi.post('/v1/privacy-requests', { email, type: 'erasure' });
    assert.equal(filed.status, 202, JSON.stringify(filed.body));
    const id = filed.body.requestId as string;
    await mailTo(email, /Confirm/);

    const waiting = await livePhase(id, 'awaiting_verification');
    assert.equal(waiting.liveUnavailable, null);
    assert.ok(Date.parse(waiting.live.until) > Date.now(), 'it waits for verification until its window closes');

    const blank = await support.post(`/v1/staff/privacy-requests/${id}/reject`, { reason: '   ' });
    assert.equal(blank.status, 400);
    assert.match(JSON.stringify(blank.body), /reason/);
    assert.equal((await support.post(`/v1/staff/privacy-requests/${id}/reject`, {})).status, 400, 'no reason at all');
    assert.equal((await publicApi.post(`/v1/staff/privacy-requests/${id}/reject`, { reason: 'x' })).status, 401);
    assert.equal((await operator.post(`/v1/staff/privacy-requests/${id}/reject`, { reason: 'x' })).status, 403);

    const reason = 'The address does not match the account the request names';
    const rejected = await support.post(`/v1/staff/privacy-requests/${id}/reject`, { reason });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    assert.equal(rejected.body.status, 'rejected');
    const notice = await mailTo(email, /declined/);
    assert.ok(notice.text?.includes(reason), 'the requester is told why');
    assert.ok(notice.text?.includes(id), 'the notice names the request');
    assert.deepEqual(await workflowResult(id), { outcome: 'rejected' });

    const again = await support.post(`/v1/staff/privacy-requests/${id}/reject`, { reason });
    assert.equal(again.status, 409);
    assert.match(again.body.error.message, /rejected/);
    const audit = await stack.dataSource.query(`SELECT action, reason FROM audit_events WHERE target_id = $1 AND action = 'privacy_request.rejected'`, [id]);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].reason, reason);
    const row = (await stack.dataSource.query(`SELECT contact_email FROM privacy_requests WHERE id = $1`, [id]))[0];
    assert.equal(row.contact_email, null, 'the address is forgotten once closed');
  });

  it('a verified rectification shows what it waits for (fields, next reminder), then is rejected; a completed request is 409', async () => {
    const { accountId, api } = await stack.newAccount('Reject Co');
    const prospect = await api.post('/v1/prospects', { email: 'rectify.me@privacy.test', firstName: 'Rita', lastName: 'Levi' });
    assert.equal(prospect.status, 201, JSON.stringify(prospect.body));
    const created = await support.post('/v1/staff/privacy-requests', {
      type: 'rectification', subject: 'prospect', accountId, prospectId: prospect.body.id, verificationReason: 'Called back on the number on file',
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id as string;

    const waiting = await livePhase(id, 'awaiting_fields');
    assert.equal(waiting.live.dueAt, waiting.dueAt);
    assert.equal(waiting.live.deadline.kind, 'reminder');
    assert.equal(Date.parse(waiting.live.deadline.at), Date.parse(waiting.dueAt) - 60_000, 'the next reminder, a minute before the due date');

    const reason = 'The prospect withdrew the request by phone';
    const rejected = await support.post(`/v1/staff/privacy-requests/${id}/reject`, { reason });
    assert.equal(rejected.status, 200, JSON.stringify(rejected.body));
    assert.deepEqual(await workflowResult(id), { outcome: 'rejected' });
    const finished = await livePhase(id, 'finished');
    assert.deepEqual(finished.live, { phase: 'finished', outcome: 'rejected' });
    assert.deepEqual((await support.post(`/v1/staff/privacy-requests/${id}/extend`, { reason: 'late' })).status, 409);
  });

  it('live is null with a reason when the request has no workflow, and the request still reads', async () => {
    // A row whose workflow never ran (or is past retention): filed straight into the database.
    const row = await new PrivacyRequestRepository(stack.dataSource).create({
      type: 'access', subjectKind: 'email', requester: 'subject', emailHash: randomBytes(32).toString('hex'),
    });
    const read = await support.get(`/v1/staff/privacy-requests/${row.id}`);
    assert.equal(read.status, 200, JSON.stringify(read.body));
    assert.equal(read.body.live, null);
    assert.match(read.body.liveUnavailable, /no longer exists/);
    assert.equal(read.body.status, 'awaiting_verification');
  });

  it('live is null with a reason when Temporal does not answer, within the RPC deadline, never a 500', async () => {
    const filed = await publicApi.post('/v1/privacy-requests', { email: 'engine.down@privacy.test', type: 'access' });
    const id = filed.body.requestId as string;
    await livePhase(id, 'awaiting_verification');
    relay.refuse();
    try {
      const began = Date.now();
      const read = await support.get(`/v1/staff/privacy-requests/${id}`);
      assert.equal(read.status, 200, JSON.stringify(read.body));
      assert.equal(read.body.live, null);
      assert.match(read.body.liveUnavailable, /did not answer/);
      assert.ok(Date.now() - began < 10_000, `answered within the RPC deadline, not after ${Date.now() - began} ms`);
    } finally {
      relay.accept();
    }
    await livePhase(id, 'awaiting_verification');
  });
});
