import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiClient, eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Pause, resume and stop, for one enrollment and for a whole campaign, through the API. */
describe('sequence controls', () => {
  let stack: RelanceStack;

  before(async () => {
    stack = await startRelanceStack();
  });

  after(async () => {
    await stack?.stop();
  });

  /** A campaign [email, wait, email] launched to `emails`; resolves once every first email arrived. */
  async function launched(api: ApiClient, emails: string[], waitSeconds: number) {
    const mailboxId = await stack.connectMailbox(api, 1, { minSpacingSeconds: 0 });
    const prospectIds: string[] = [];
    for (const email of emails) prospectIds.push((await api.post('/v1/prospects', { email })).body.id);
    const campaign = await api.post('/v1/campaigns', {
      name: 'Controls',
      mailboxId,
      steps: [
        { type: 'email', subject: 'First', body: 'One' },
        { type: 'wait', amount: waitSeconds, unit: 'seconds' },
        { type: 'email', body: 'Two' },
      ],
    });
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    for (const email of emails) await stack.smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
    const enrollments = (await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`)).body.data as { id: string; prospectId: string }[];
    return { campaignId: campaign.body.id as string, enrollmentIds: prospectIds.map((p) => enrollments.find((e) => e.prospectId === p)!.id) };
  }

  const received = (email: string) => stack.smtp.messages.filter((m) => m.envelope.to.includes(email)).length;
  const statusOf = (api: ApiClient, enrollmentId: string) =>
    eventually(`enrollment ${enrollmentId}`, async () => (await api.get(`/v1/enrollments/${enrollmentId}`)).body);

  it('a paused enrollment sends nothing until resumed, then carries on', async () => {
    const { api } = await stack.newAccount('Pause one');
    const email = 'paused-one@prospects.test';
    const { enrollmentIds: [id] } = await launched(api, [email], 1);
    const paused = await api.post(`/v1/enrollments/${id}/pause`);
    assert.equal(paused.status, 200, JSON.stringify(paused.body));
    assert.equal(paused.body.status, 'paused');
    await quietFor(3_000);
    assert.equal(received(email), 1, 'nothing left while paused');
    const again = await api.post(`/v1/enrollments/${id}/pause`);
    assert.equal(again.status, 409, 'already paused');
    assert.equal(again.body.error.message, 'cannot pause an enrollment that is paused');
    const resumed = await api.post(`/v1/enrollments/${id}/resume`);
    assert.equal(resumed.body.status, 'active');
    await stack.smtp.waitFor((m) => m.envelope.to.includes(email) && m.subject === 'Re: First', 20_000);
    await eventually('completion', async () => ((await statusOf(api, id)).status === 'completed' ? true : undefined));
    assert.equal(received(email), 2);
  });

  it('a paused campaign holds every enrollment; resuming wakes them all', async () => {
    const { api } = await stack.newAccount('Pause all');
    const emails = ['all-1@prospects.test', 'all-2@prospects.test'];
    const { campaignId } = await launched(api, emails, 1);
    const paused = await api.post(`/v1/campaigns/${campaignId}/pause`);
    assert.equal(paused.status, 200, JSON.stringify(paused.body));
    assert.equal(paused.body.status, 'paused');
    await quietFor(3_000);
    for (const email of emails) assert.equal(received(email), 1);
    assert.equal((await api.post(`/v1/campaigns/${campaignId}/resume`)).body.status, 'active');
    for (const email of emails) await stack.smtp.waitFor((m) => m.envelope.to.includes(email) && m.subject === 'Re: First', 20_000);
  });

  it('stopping a campaign ends every running enrollment: nothing more is sent', async () => {
    const { api } = await stack.newAccount('Stop all');
    const emails = ['stop-1@prospects.test', 'stop-2@prospects.test'];
    const { campaignId, enrollmentIds } = await launched(api, emails, 2);
    const stopped = await api.post(`/v1/campaigns/${campaignId}/stop`);
    assert.equal(stopped.body.status, 'stopped');
    for (const id of enrollmentIds) {
      const enrollment = await statusOf(api, id);
      assert.equal(enrollment.status, 'stopped');
      assert.equal(enrollment.stopReason, 'campaign_stopped');
      const run = await stack.temporal.client.workflow.getHandle(enrollment.workflowId).result();
      assert.equal(run.outcome, 'stopped');
    }
    await quietFor(3_000);
    for (const email of emails) assert.equal(received(email), 1);
    const resumed = await api.post(`/v1/campaigns/${campaignId}/resume`);
    assert.equal(resumed.status, 409, 'a stopped campaign stays stopped');
    assert.equal(resumed.body.error.message, 'cannot resume a campaign that is stopped');
  });

  it('a rep suppressing an address or a domain ends the sequences to it at once', async () => {
    const { api } = await stack.newAccount('Suppress');
    const emails = ['one@blocked-domain.test', 'two@eu.blocked-domain.test', 'single@elsewhere.test', 'kept@elsewhere.test'];
    // A wait far longer than the test: only the stop signal can end the workflows in time.
    const { enrollmentIds } = await launched(api, emails, 120);
    assert.equal((await api.post('/v1/suppressions', { domain: 'Blocked-Domain.test' })).status, 201);
    assert.equal((await api.post('/v1/suppressions', { email: 'Single@Elsewhere.test' })).status, 201);
    for (const id of enrollmentIds.slice(0, 3)) {
      const enrollment = await statusOf(api, id);
      assert.deepEqual([enrollment.status, enrollment.stopReason], ['stopped', 'prospect_suppressed'], enrollment.id);
      const handle = stack.temporal.client.workflow.getHandle(enrollment.workflowId);
      await eventually('the workflow to end', async () => ((await handle.describe()).status.name === 'COMPLETED' ? true : undefined), 10_000);
      assert.equal((await handle.result()).outcome, 'stopped');
    }
    assert.equal((await statusOf(api, enrollmentIds[3])).status, 'active', 'another address at another domain carries on');
  });

  it('refuses unknown actions and other accounts', async () => {
    const { api } = await stack.newAccount('Owner');
    const { campaignId, enrollmentIds: [id] } = await launched(api, ['owned@prospects.test'], 30);
    assert.equal((await api.post(`/v1/campaigns/${campaignId}/explode`)).status, 404);
    assert.equal((await api.post(`/v1/enrollments/${id}/resume`)).status, 409, 'not paused');
    const other = await stack.newAccount('Intruder');
    assert.equal((await other.api.post(`/v1/campaigns/${campaignId}/stop`)).status, 404);
    assert.equal((await other.api.post(`/v1/enrollments/${id}/pause`)).status, 404);
    assert.equal((await new ApiClient(stack.apiUrl).post(`/v1/enrollments/${id}/pause`)).status, 401);
    assert.equal((await api.post(`/v1/enrollments/${id}/stop`)).body.status, 'stopped');
  });
});
