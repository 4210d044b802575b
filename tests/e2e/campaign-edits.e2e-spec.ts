import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/** Editing a running campaign changes only the steps no prospect has reached yet. */
describe('editing a campaign', () => {
  let stack: RelanceStack;
  let mailboxId: string;

  before(async () => {
    stack = await startRelanceStack();
    mailboxId = await stack.connectMailbox(stack.api, 3, { minSpacingSeconds: 0 });
  });

  after(async () => {
    await stack?.stop();
  });

  const first = { type: 'email', subject: 'Hello', body: 'First' };
  const pause = { type: 'wait', amount: 3, unit: 'seconds' };

  it('sends the edited follow-up, never the replaced one; history is refused a change', async () => {
    const { api, smtp } = stack;
    const email = 'edited@prospects.test';
    await api.post('/v1/prospects', { email });
    const campaign = await api.post('/v1/campaigns', {
      name: 'Edits', mailboxId, steps: [first, pause, { type: 'email', body: 'Old follow-up' }],
    });
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    await smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
    // The prospect is in the wait: steps 0 and 1 are history.
    await eventually('the wait', async () => {
      const [enrollment] = (await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`)).body.data;
      return enrollment?.currentStep === 1 ? enrollment : undefined;
    });

    const changedHistory = await api.request('PUT', `/v1/campaigns/${campaign.body.id}/steps`, {
      steps: [{ ...first, body: 'Rewritten' }, pause, { type: 'email', body: 'New follow-up' }],
    });
    assert.equal(changedHistory.status, 409);
    assert.equal(changedHistory.body.error.field, 'steps.0');
    const dropped = await api.request('PUT', `/v1/campaigns/${campaign.body.id}/steps`, { steps: [first] });
    assert.equal(dropped.status, 409);

    const edited = await api.request('PUT', `/v1/campaigns/${campaign.body.id}/steps`, {
      steps: [first, pause, { type: 'email', body: 'New follow-up' }, { type: 'email', body: 'An extra one' }],
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    assert.deepEqual(edited.body.steps.map((s: { body?: string }) => s.body ?? null), ['First', null, 'New follow-up', 'An extra one']);

    await smtp.waitFor((m) => m.envelope.to.includes(email) && m.text?.trim() === 'An extra one', 20_000);
    const bodies = smtp.messages.filter((m) => m.envelope.to.includes(email)).map((m) => m.text?.trim());
    assert.deepEqual(bodies, ['First', 'New follow-up', 'An extra one']);
  });

  it('takes back an A/B first email unchanged, whatever order the stored variants come back in', async () => {
    const { api, smtp } = stack;
    const email = 'edited-ab@prospects.test';
    await api.post('/v1/prospects', { email });
    const ab = {
      type: 'email',
      variants: [{ subject: 'Hello A', body: 'Version A', weight: 1 }, { subject: 'Hello B', body: 'Version B', weight: 1 }],
    };
    const campaign = await api.post('/v1/campaigns', {
      name: 'Edits A/B', mailboxId, steps: [ab, pause, { type: 'email', body: 'Old follow-up' }],
    });
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    await smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
    await eventually('the wait', async () => {
      const [enrollment] = (await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`)).body.data;
      return enrollment?.currentStep === 1 ? enrollment : undefined;
    });
    const changedVariant = { ...ab, variants: [ab.variants[0], { ...ab.variants[1], body: 'Version B, rewritten' }] };
    const refused = await api.request('PUT', `/v1/campaigns/${campaign.body.id}/steps`, {
      steps: [changedVariant, pause, { type: 'email', body: 'New follow-up' }],
    });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.field, 'steps.0');
    const edited = await api.request('PUT', `/v1/campaigns/${campaign.body.id}/steps`, {
      steps: [ab, pause, { type: 'email', body: 'New follow-up' }],
    });
    assert.equal(edited.status, 200, JSON.stringify(edited.body));
    await smtp.waitFor((m) => m.envelope.to.includes(email) && m.text?.trim() === 'New follow-up', 20_000);
  });

  it('lets a draft change everything, and refuses a bad sequence or another account', async () => {
    const { api } = stack;
    const campaign = await api.post('/v1/campaigns', { name: 'Draft', mailboxId, steps: [first] });
    const rewritten = await api.request('PUT', `/v1/campaigns/${campaign.body.id}/steps`, {
      steps: [{ type: 'email', subject: 'Another start', body: 'Different' }],
    });
    assert.equal(rewritten.status, 200, JSON.stringify(rewritten.body));
    assert.equal(rewritten.body.steps[0].subject, 'Another start');
    const read = await api.get(`/v1/campaigns/${campaign.body.id}`);
    assert.equal(read.body.steps.length, 1, 'replaced steps are not shown');
    const invalid = await api.request('PUT', `/v1/campaigns/${campaign.body.id}/steps`, { steps: [pause] });
    assert.equal(invalid.status, 400);
    const other = await stack.newAccount('Other');
    assert.equal((await other.api.request('PUT', `/v1/campaigns/${campaign.body.id}/steps`, { steps: [first] })).status, 404);
  });
});
