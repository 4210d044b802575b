import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { enrollmentStatusQuery } from '@relance/temporal';
import { imapUser } from '../harness/env';
import { ApiClient, eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];
/** ISO weekday (1 = Monday) of an instant in a time zone. */
const weekdayIn = (timeZone: string, at: Date) =>
  WEEKDAYS.indexOf(new Intl.DateTimeFormat('en-US', { timeZone, weekday: 'short' }).format(at)) + 1;

/** A mailbox's own settings obeyed by the whole stack: disabled, enabled again, its own window. */
describe('mailbox settings on the running stack', () => {
  let stack: RelanceStack;

  before(async () => {
    stack = await startRelanceStack();
  });

  after(async () => {
    await stack?.stop();
  });

  const sentTo = (email: string) => stack.smtp.messages.filter((m) => m.envelope.to.includes(email));
  const patchMailbox = (api: ApiClient, id: string, body: object) => api.request('PATCH', `/v1/mailboxes/${id}`, body);
  const enrollmentsOf = async (api: ApiClient, campaignId: string) =>
    (await api.get(`/v1/campaigns/${campaignId}/enrollments`)).body.data as { id: string; prospectId: string; workflowId: string; status: string }[];
  const phaseOf = (workflowId: string) =>
    stack.temporal.client.workflow.getHandle(workflowId).query(enrollmentStatusQuery).catch(() => null);

  it('holds the follow-up of a thread on a disabled mailbox, and sends it once the mailbox is enabled again', async () => {
    const { api } = await stack.newAccount('Held');
    const mailboxId = await stack.connectMailbox(api, 1, { minSpacingSeconds: 0 });
    const held = 'held@prospects.test';
    await api.post('/v1/prospects', { email: held, company: 'Held Inc' });
    await api.post('/v1/prospects', { email: 'elsewhere@prospects.test', company: 'Elsewhere Ltd' });
    const campaign = await api.post('/v1/campaigns', {
      name: 'Held', mailboxId,
      // The wait leaves time to disable the mailbox between the two emails.
      steps: [{ type: 'email', subject: 'First', body: 'One' }, { type: 'wait', amount: 3, unit: 'seconds' }, { type: 'email', body: 'Two' }],
    });
    // Launched by filter: the worker's launch reads the stored criteria by id.
    const launch = await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { filter: { company: 'held inc' } });
    assert.equal(launch.status, 202, JSON.stringify(launch.body));
    assert.equal(launch.body.eligibleProspects, 1);
    await stack.smtp.waitFor((m) => m.envelope.to.includes(held) && m.subject === 'First', 20_000);
    const [enrollment] = await enrollmentsOf(api, campaign.body.id);
    assert.equal((await enrollmentsOf(api, campaign.body.id)).length, 1, 'only the prospect the filter selects');

    assert.equal((await patchMailbox(api, mailboxId, { disabled: true })).status, 200);
    // Its wait over, the follow-up finds its thread's mailbox disabled and waits to be woken.
    await eventually('the follow-up to be held', async () => ((await phaseOf(enrollment.workflowId))?.phase === 'paused' ? true : undefined));
    assert.equal(sentTo(held).length, 1, 'nothing left while disabled');
    const heldView = (await api.get(`/v1/enrollments/${enrollment.id}`)).body;
    assert.deepEqual([heldView.status, heldView.pauseReason], ['paused', 'mailbox_disabled'], 'held, not stopped, and why');

    const enabled = await patchMailbox(api, mailboxId, { disabled: false });
    assert.equal(enabled.status, 200, JSON.stringify(enabled.body));
    const followUp = await stack.smtp.waitFor((m) => m.envelope.to.includes(held) && m.subject === 'Re: First', 20_000);
    assert.equal(followUp.envelope.from, imapUser(1).user, 'from the thread\'s own mailbox');
    await eventually('completion', async () => ((await api.get(`/v1/enrollments/${enrollment.id}`)).body.status === 'completed' ? true : undefined));
    assert.equal(sentTo('elsewhere@prospects.test').length, 0);
  });

  it('leaves a disabled mailbox out of the rotation: first emails go from the others', async () => {
    const { api } = await stack.newAccount('Rotation');
    const [first, second] = [await stack.connectMailbox(api, 2, { minSpacingSeconds: 0 }), await stack.connectMailbox(api, 3, { minSpacingSeconds: 0 })];
    const emails = ['rot-1@prospects.test', 'rot-2@prospects.test', 'rot-3@prospects.test'];
    for (const email of emails) await api.post('/v1/prospects', { email });
    const campaign = await api.post('/v1/campaigns', {
      name: 'Rotation', mailboxId: first, mailboxIds: [second], steps: [{ type: 'email', subject: 'Hi', body: 'Hello' }],
    });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    assert.equal((await patchMailbox(api, first, { disabled: true })).status, 200);
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    for (const email of emails) {
      const sent = await stack.smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
      assert.equal(sent.envelope.from, imapUser(3).user, email);
    }
  });

  it("holds a first email until the mailbox's own window opens, on the mailbox's clock", async () => {
    const { api } = await stack.newAccount('Window');
    const zone = 'Pacific/Auckland';
    // Open only the day after tomorrow, in the mailbox's time zone; the campaign may send any time.
    const otherDay = ((weekdayIn(zone, new Date()) + 1) % 7) + 1;
    const mailboxId = await stack.connectMailbox(api, 4, {
      minSpacingSeconds: 0, timeZone: zone, sendingWindow: { days: [otherDay], hours: [{ start: '00:00', end: '24:00' }] },
    });
    await api.post('/v1/prospects', { email: 'windowed@prospects.test', timeZone: 'Europe/Paris' });
    const campaign = await api.post('/v1/campaigns', { name: 'Windowed', mailboxId, steps: [{ type: 'email', subject: 'Hi', body: 'Hello' }] });
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    const [enrollment] = await eventually('enrollment', async () => {
      const list = await enrollmentsOf(api, campaign.body.id);
      return list.length ? list : undefined;
    });
    const view = await eventually('a wait for the window', async () => {
      const status = await phaseOf(enrollment.workflowId);
      return status?.phase === 'waiting' ? status : undefined;
    });
    const opens = new Date(view.waitingUntil!);
    assert.equal(weekdayIn(zone, opens), otherDay, 'opens on the window day, in Auckland');
    assert.equal(sentTo('windowed@prospects.test').length, 0, 'nothing sent yet');
    await stack.temporal.client.workflow.getHandle(enrollment.workflowId).terminate('test over');
  });
});
