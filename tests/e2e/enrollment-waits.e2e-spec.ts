import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ApiClient, eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

/** ISO weekday (1 = Monday … 7 = Sunday) `days` after today, in UTC. */
const isoWeekdayIn = (days: number) => ((new Date().getUTCDay() + 6 + days) % 7) + 1;

/** An enrollment says where it stands: the step it is on, and why and until when it waits. */
describe('enrollments say why they wait, and until when', () => {
  let stack: RelanceStack;

  before(async () => {
    stack = await startRelanceStack();
  });

  after(async () => {
    await stack?.stop();
  });

  async function launch(api: ApiClient, mailboxId: string, name: string, emails: string[], extra: Record<string, unknown>) {
    const prospectIds: string[] = [];
    for (const email of emails) prospectIds.push((await api.post('/v1/prospects', { email })).body.id);
    const campaign = await api.post('/v1/campaigns', { name, mailboxId, ...extra });
    assert.equal(campaign.status, 201, JSON.stringify(campaign.body));
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { prospectIds })).status, 202);
    return campaign.body.id as string;
  }
  const waitingOf = (api: ApiClient, campaignId: string, reason: string, count = 1) =>
    eventually(`${count} enrollment(s) waiting for ${reason}`, async () => {
      const list = (await api.get(`/v1/campaigns/${campaignId}/enrollments`)).body.data as any[];
      const waiting = list.filter((enrollment) => enrollment.waiting?.reason === reason);
      return waiting.length === count ? waiting : undefined;
    });

  it('a wait step, then the end: the step it is on, and the last it reached', async () => {
    const { api } = await stack.newAccount('Wait step');
    const mailboxId = await stack.connectMailbox(api, 1, { minSpacingSeconds: 0 });
    const campaignId = await launch(api, mailboxId, 'Wait', ['waits@prospects.test'], {
      steps: [{ type: 'email', subject: 'One', body: 'One' }, { type: 'wait', amount: 3, unit: 'seconds' }, { type: 'email', body: 'Two' }],
    });
    const [waiting] = await waitingOf(api, campaignId, 'wait_step');
    assert.deepEqual([waiting.status, waiting.currentStep, waiting.stepsSent], ['active', 1, 1]);
    const until = Date.parse(waiting.waiting.until);
    assert.ok(until > Date.now() && until <= Date.now() + 3_500, `the wait ends within its 3 s, not at ${waiting.waiting.until}`);
    const done = await eventually('completion', async () => {
      const enrollment = (await api.get(`/v1/enrollments/${waiting.id}`)).body;
      return enrollment.status === 'completed' ? enrollment : undefined;
    });
    assert.deepEqual([done.currentStep, done.stepsSent, done.waiting], [2, 2, null]);
  });

  it('outside the sending window: until it opens', async () => {
    const { api } = await stack.newAccount('Window');
    const mailboxId = await stack.connectMailbox(api, 1, { minSpacingSeconds: 0 });
    const opensOn = isoWeekdayIn(2);
    const campaignId = await launch(api, mailboxId, 'Window', ['window@prospects.test'], {
      timeZone: 'UTC',
      sendingWindow: { days: [opensOn], hours: [{ start: '09:00', end: '10:00' }] },
      steps: [{ type: 'email', subject: 'One', body: 'One' }],
    });
    const [waiting] = await waitingOf(api, campaignId, 'sending_window');
    const opens = new Date(waiting.waiting.until);
    assert.equal(((opens.getUTCDay() + 6) % 7) + 1, opensOn, 'on the window\'s day');
    assert.deepEqual([opens.getUTCHours(), opens.getUTCMinutes()], [9, 0], 'at 09:00 (spread over its first seconds)');
    assert.deepEqual([waiting.status, waiting.currentStep], ['active', 0]);
  });

  it("at the mailbox's daily limit: until its next day", async () => {
    const { api } = await stack.newAccount('Daily limit');
    const mailboxId = await stack.connectMailbox(api, 1, { minSpacingSeconds: 0, dailyLimit: 1, timeZone: 'UTC' });
    const campaignId = await launch(api, mailboxId, 'Limit', ['first@limit.test', 'second@limit.test'], {
      steps: [{ type: 'email', subject: 'One', body: 'One' }],
    });
    const [waiting] = await waitingOf(api, campaignId, 'daily_limit');
    const tomorrow = new Date();
    tomorrow.setUTCHours(24, 0, 0, 0);
    const until = Date.parse(waiting.waiting.until);
    assert.ok(until >= tomorrow.getTime() && until < tomorrow.getTime() + 60_000, `from midnight UTC, not ${waiting.waiting.until}`);
  });

  it('a task step: until the rep closes the task', async () => {
    const { api } = await stack.newAccount('Task');
    const mailboxId = await stack.connectMailbox(api, 1, { minSpacingSeconds: 0 });
    const campaignId = await launch(api, mailboxId, 'Task', ['task@prospects.test'], {
      steps: [{ type: 'email', subject: 'One', body: 'One' }, { type: 'task', title: 'Call them' }, { type: 'email', body: 'Two' }],
    });
    const [waiting] = await waitingOf(api, campaignId, 'task');
    assert.deepEqual([waiting.currentStep, waiting.waiting.until], [1, null]);
    const [task] = await eventually('the task', async () => {
      const open = (await api.get('/v1/tasks?status=open')).body.data;
      return open.length > 0 ? open : undefined;
    });
    assert.equal((await api.post(`/v1/tasks/${task.id}/done`)).status, 200);
    const done = await eventually('completion', async () => {
      const enrollment = (await api.get(`/v1/enrollments/${waiting.id}`)).body;
      return enrollment.status === 'completed' ? enrollment : undefined;
    });
    assert.deepEqual([done.currentStep, done.stepsSent], [2, 2]);
  });
});
