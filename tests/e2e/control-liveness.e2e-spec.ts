import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { testEnv } from '../harness/env';
import { ApiClient, eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';
import { TcpRelay } from '../support/tcp-relay';

/**
 * A campaign [email, 1 s wait, email] launched to `emails`; resolves once every first email
 * arrived, with the enrollment ids in the order of `emails`.
 */
async function launchedTwoSteps(stack: RelanceStack, api: ApiClient, emails: string[]) {
  const mailboxId = await stack.connectMailbox(api, 1, { minSpacingSeconds: 0 });
  const prospectIds: string[] = [];
  for (const email of emails) {
    const prospect = await api.post('/v1/prospects', { email });
    assert.equal(prospect.status, 201);
    prospectIds.push(prospect.body.id);
  }
  const campaign = await api.post('/v1/campaigns', {
    name: 'Liveness',
    mailboxId,
    steps: [{ type: 'email', subject: 'First', body: 'One' }, { type: 'wait', amount: 1, unit: 'seconds' }, { type: 'email', body: 'Two' }],
  });
  assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
  assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
  for (const email of emails) await stack.smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
  const enrollments = (await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`)).body.data as { id: string; prospectId: string }[];
  // In the order of `emails`.
  const enrollmentIds = prospectIds.map((prospectId) => enrollments.find((e) => e.prospectId === prospectId)!.id);
  return { campaignId: campaign.body.id as string, enrollmentIds };
}

const followUps = (stack: RelanceStack, emails: string[]) =>
  stack.smtp.messages.filter((m) => m.subject === 'Re: First' && emails.some((email) => m.envelope.to.includes(email))).length;

/**
 * Nothing paused stays paused by accident. The API reaches Temporal through a relay that can
 * play a server that is down; the worker reaches it directly, as it would from another host.
 */
describe('controls: a resume is never lost', () => {
  let stack: RelanceStack;
  let relay: TcpRelay;

  before(async () => {
    const [host, port] = testEnv().temporalAddress.split(':');
    relay = await TcpRelay.start({ host, port: Number(port) });
    stack = await startRelanceStack({
      // Far longer than the test: only the control itself can wake these enrollments in time.
      env: { PAUSE_RECHECK_INTERVAL: '1h' },
      apiEnv: { TEMPORAL_ADDRESS: `${relay.host}:${relay.port}`, TEMPORAL_RPC_TIMEOUT: '2s' },
    });
  });

  after(async () => {
    relay?.accept();
    await stack?.stop();
    await relay?.stop();
  });

  it('Temporal unreachable during a campaign resume: the request fails cleanly, a retry succeeds, every enrollment resumes', async () => {
    const { api } = await stack.newAccount('Unreachable');
    const emails = ['down-1@prospects.test', 'down-2@prospects.test', 'down-3@prospects.test'];
    const { campaignId, enrollmentIds } = await launchedTwoSteps(stack, api, emails);
    assert.equal((await api.post(`/v1/campaigns/${campaignId}/pause`)).status, 200, 'a pause needs only the database');
    for (const id of enrollmentIds) {
      await eventually('the enrollment to find the pause', async () => {
        const enrollment = (await api.get(`/v1/enrollments/${id}`)).body;
        return enrollment.waiting?.reason === 'campaign_paused' ? enrollment : undefined;
      });
    }

    relay.refuse();
    const began = Date.now();
    const refused = await api.post(`/v1/campaigns/${campaignId}/resume`);
    assert.equal(refused.status, 503, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'unavailable');
    assert.ok(Date.now() - began < 10_000, `answered within the RPC deadline, not after ${Date.now() - began} ms`);
    assert.equal((await api.get(`/v1/campaigns/${campaignId}`)).body.status, 'paused', 'nothing changed: the retry can resume it');
    await sleep(2_000);
    assert.equal(followUps(stack, emails), 0, 'still paused');

    relay.accept();
    // The client retries, as a 503 invites it to, until Temporal answers again.
    const resumed = await eventually('a retried resume to succeed', async () => {
      const answer = await api.post(`/v1/campaigns/${campaignId}/resume`);
      if (answer.status === 503) return undefined;
      return answer;
    }, 30_000);
    assert.equal(resumed.status, 200, JSON.stringify(resumed.body));
    assert.equal(resumed.body.status, 'active');
    await eventually('every follow-up', async () => (followUps(stack, emails) === emails.length ? true : undefined), 20_000);
    for (const id of enrollmentIds) {
      await eventually(`enrollment ${id} to complete`, async () =>
        ((await api.get(`/v1/enrollments/${id}`)).body.status === 'completed' ? true : undefined));
    }
  });

  it('Temporal unreachable during an enrollment resume or stop: nothing changes until a retry goes through', async () => {
    const { api } = await stack.newAccount('Unreachable one');
    const emails = ['one-down@prospects.test', 'one-stop@prospects.test'];
    const { enrollmentIds: [resumeId, stopId] } = await launchedTwoSteps(stack, api, emails);
    for (const id of [resumeId, stopId]) assert.equal((await api.post(`/v1/enrollments/${id}/pause`)).status, 200);

    relay.refuse();
    const resume = await api.post(`/v1/enrollments/${resumeId}/resume`);
    const stop = await api.post(`/v1/enrollments/${stopId}/stop`);
    assert.deepEqual([resume.status, stop.status], [503, 503]);
    assert.deepEqual(
      [(await api.get(`/v1/enrollments/${resumeId}`)).body.status, (await api.get(`/v1/enrollments/${stopId}`)).body.status],
      ['paused', 'paused'],
    );

    relay.accept();
    const retried = await eventually('the retried controls', async () => {
      const again = await api.post(`/v1/enrollments/${resumeId}/resume`);
      return again.status === 503 ? undefined : again;
    }, 30_000);
    assert.equal(retried.body.status, 'active');
    assert.equal((await api.post(`/v1/enrollments/${stopId}/stop`)).body.status, 'stopped');
    await stack.smtp.waitFor((m) => m.envelope.to.includes(emails[0]) && m.subject === 'Re: First', 20_000);
    const stoppedRun = await stack.temporal.client.workflow.getHandle(`enrollment:${stopId}`).result();
    assert.equal(stoppedRun.outcome, 'stopped');
  });
});

describe('controls: a paused enrollment re-reads its state', () => {
  let stack: RelanceStack;

  before(async () => {
    stack = await startRelanceStack({ env: { PAUSE_RECHECK_INTERVAL: '2s' } });
  });

  after(async () => {
    await stack?.stop();
  });

  it('a resume signal lost: the enrollment resumes within the re-read period', async () => {
    const { api } = await stack.newAccount('Lost signal');
    const email = 'lost-signal@prospects.test';
    const { enrollmentIds: [id] } = await launchedTwoSteps(stack, api, [email]);
    assert.equal((await api.post(`/v1/enrollments/${id}/pause`)).status, 200);
    const paused = await eventually('the workflow to find the pause', async () => {
      const enrollment = (await api.get(`/v1/enrollments/${id}`)).body;
      return enrollment.waiting?.reason === 'paused_by_user' ? enrollment : undefined;
    });
    assert.deepEqual([paused.status, paused.pauseReason], ['paused', 'paused_by_user']);
    await sleep(2_500);
    assert.equal(followUps(stack, [email]), 0, 'paused: it asked again and was held again');

    // The resume commits, and its signal never reaches the workflow.
    await stack.dataSource.query(`UPDATE enrollments SET status = 'active' WHERE id = $1`, [id]);
    const resumedAt = Date.now();
    await stack.smtp.waitFor((m) => m.envelope.to.includes(email) && m.subject === 'Re: First', 10_000);
    const delay = Date.now() - resumedAt;
    // Without the re-read it would wait for a signal that never comes (the stack's interval is 1 h).
    assert.ok(delay <= 2_000 + 5_000, `sent ${delay} ms after the resume: within the 2 s re-read period (and a send)`);
    await eventually('completion', async () => ((await api.get(`/v1/enrollments/${id}`)).body.status === 'completed' ? true : undefined));
  });
});
