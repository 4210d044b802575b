import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/** Previewing a step for one prospect renders every variant as a send would, nothing is sent. */
describe('step preview', () => {
  let stack: RelanceStack;
  let mailboxId: string;

  before(async () => {
    stack = await startRelanceStack();
    mailboxId = await stack.connectMailbox(stack.api, 3, { displayName: 'Rita Rep' });
  });

  after(async () => {
    await stack?.stop();
  });

  it('renders each variant with the prospect data and follow-ups with the thread subject', async () => {
    const { api } = stack;
    const prospect = await api.post('/v1/prospects', { email: 'grace@navy.test', firstName: 'Grace', company: 'Navy', customFields: { ship: 'USS Hopper' } });
    const campaign = await api.post('/v1/campaigns', {
      name: 'Preview',
      mailboxId,
      steps: [
        {
          type: 'email',
          variants: [
            { subject: 'Hello {{ firstName }}', body: 'About {{ company }}, from {{ sender.name }}' },
            { subject: 'Hi {{ firstName | default: "there" }}', body: 'Aboard {{ custom.ship | default: "a ship" }}' },
          ],
        },
        { type: 'wait', amount: 1, unit: 'days' },
        { type: 'email', body: 'Following up, {{ lastName | default: firstName }}' },
      ],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    const [first, , followUp] = campaign.body.steps;
    const url = (stepId: string, prospectId: string) =>
      `/v1/campaigns/${campaign.body.id}/steps/${stepId}/preview?prospectId=${prospectId}`;

    const preview = await api.get(url(first.id, prospect.body.id));
    assert.equal(preview.status, 200, JSON.stringify(preview.body));
    assert.deepEqual(preview.body.variants, [
      { variant: 'A', subject: 'Hello Grace', body: 'About Navy, from Rita Rep' },
      { variant: 'B', subject: 'Hi Grace', body: 'Aboard USS Hopper' },
    ]);
    const next = await api.get(url(followUp.id, prospect.body.id));
    assert.deepEqual(next.body.variants, [{ variant: 'A', subject: 'Re: Hello Grace', body: 'Following up, Grace' }]);
    assert.equal(stack.smtp.messages.length, 0, 'a preview sends nothing');
  });

  it('says when a step would go out empty for a prospect, and such a send fails instead of leaving', async () => {
    const { api } = stack;
    const prospect = await api.post('/v1/prospects', { email: 'nameless@preview.test' });
    const campaign = await api.post('/v1/campaigns', {
      name: 'Empty subject', mailboxId, steps: [{ type: 'email', subject: '{{ firstName }}', body: 'Hello' }],
    });
    const [email] = campaign.body.steps;
    const preview = await api.get(`/v1/campaigns/${campaign.body.id}/steps/${email.id}/preview?prospectId=${prospect.body.id}`);
    assert.equal(preview.status, 400, JSON.stringify(preview.body));
    assert.match(preview.body.error.message, /^the step cannot be sent: variant A: the subject renders empty for this prospect/);

    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { prospectIds: [prospect.body.id] })).status, 202);
    const failed = await eventually('the failed enrollment', async () => {
      const [enrollment] = (await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`)).body.data;
      return enrollment?.status === 'failed' ? enrollment : undefined;
    });
    assert.match(failed.stopReason, /^template_error: the subject renders empty for this prospect/);
    assert.equal(stack.smtp.messages.filter((m) => m.envelope.to.includes('nameless@preview.test')).length, 0);
  });

  it('names what is wrong: a wait step, an unknown prospect, a missing or malformed prospectId', async () => {
    const { api } = stack;
    const campaign = await api.post('/v1/campaigns', {
      name: 'Preview errors', mailboxId,
      steps: [{ type: 'email', subject: 'S', body: 'B' }, { type: 'wait', amount: 1, unit: 'days' }],
    });
    const [email, wait] = campaign.body.steps;
    const base = `/v1/campaigns/${campaign.body.id}/steps`;
    const prospect = await api.post('/v1/prospects', { email: 'someone@preview.test' });
    assert.equal((await api.get(`${base}/${wait.id}/preview?prospectId=${prospect.body.id}`)).status, 400);
    const unknown = await api.get(`${base}/${email.id}/preview?prospectId=00000000-0000-4000-8000-000000000000`);
    assert.equal(unknown.status, 404);
    assert.equal(unknown.body.error.field, 'prospectId');
    const missing = await api.get(`${base}/${email.id}/preview`);
    assert.equal(missing.status, 400);
    assert.equal(missing.body.error.field, 'prospectId');
    assert.equal(missing.body.error.message, 'prospectId is required (a UUID)');
    const other = await stack.newAccount('Other');
    assert.equal((await other.api.get(`${base}/${email.id}/preview?prospectId=${prospect.body.id}`)).status, 404);
  });
});
