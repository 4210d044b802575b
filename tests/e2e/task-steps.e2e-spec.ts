import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { appendMessage } from '@relance/mail';
import { enrollmentStatusQuery, enrollmentWorkflowId } from '@relance/temporal';
import { imapUser, LOOPBACK_MAIL, testEnv } from '../harness/env';
import { ApiClient, eventually } from '../support/api-client';
import { LaunchedSequence, launchSequence } from '../support/launched-sequence';
import { rawMail } from '../support/raw-mail';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';

const quietFor = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Task steps on the real stack: the sequence waits for the rep, who closes the task through the API. */
describe('task steps', () => {
  let stack: RelanceStack;
  const launched: LaunchedSequence[] = [];

  before(async () => {
    stack = await startRelanceStack();
  });

  after(async () => {
    for (const sequence of launched) await sequence.stopSync();
    await stack?.stop();
  });

  const STEPS = [
    { type: 'email', subject: 'Hello', body: 'One' },
    { type: 'task', title: 'Call them', instructions: 'Ask about Q3.' },
    { type: 'email', subject: 'After the call', body: 'Two' },
  ];
  const received = (email: string) => stack.smtp.messages.filter((m) => m.envelope.to.includes(email)).map((m) => m.subject);
  const openTasks = async (api: ApiClient) => {
    const res = await api.get('/v1/tasks?status=open');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    return res.body.data as any[];
  };

  /** Launches STEPS to `emails`; resolves with their open tasks once the sequence waits on every one. */
  async function waitingOnTasks(api: ApiClient, rep: number, emails: string[]) {
    const sequence = await launchSequence(stack, api, { rep, emails, steps: STEPS });
    launched.push(sequence);
    const tasks = await eventually('a task per prospect', async () => {
      const open = await openTasks(api);
      return open.length === emails.length ? open : undefined;
    });
    return { sequence, tasks };
  }

  it('waits for the task; done lets the next email go; a second completion is refused', async () => {
    const { api } = await stack.newAccount('Task done');
    const email = 'call-me@tasks.test';
    const { sequence, tasks: [task] } = await waitingOnTasks(api, 1, [email]);
    assert.equal(task.title, 'Call them');
    assert.equal(task.instructions, 'Ask about Q3.');
    assert.equal(task.status, 'open');
    assert.equal(task.enrollmentId, sequence.enrollmentIds[email]);
    assert.equal(task.campaignId, sequence.campaignId);
    assert.equal(task.prospect.email, email);

    const handle = stack.temporal.client.workflow.getHandle(enrollmentWorkflowId(task.enrollmentId));
    await eventually('the workflow waits on the task', async () =>
      (await handle.query(enrollmentStatusQuery)).phase === 'awaiting_task' ? true : undefined);
    await quietFor(1_500);
    assert.deepEqual(received(email), ['Hello'], 'the second email waits for the task');
    assert.equal((await api.get(`/v1/enrollments/${task.enrollmentId}`)).body.currentStep, 1);

    const done = await api.post(`/v1/tasks/${task.id}/done`);
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.status, 'done');
    assert.ok(done.body.completedAt);
    await stack.smtp.waitFor((m) => m.envelope.to.includes(email) && m.subject === 'After the call', 20_000);
    await sequence.settled('completed');
    assert.deepEqual(received(email), ['Hello', 'After the call']);

    for (const action of ['done', 'skip']) {
      const again = await api.post(`/v1/tasks/${task.id}/${action}`);
      assert.equal(again.status, 409, JSON.stringify(again.body));
      assert.equal(again.body.error.code, 'conflict');
    }
    assert.deepEqual(await openTasks(api), []);
    const all = (await api.get('/v1/tasks')).body.data;
    assert.deepEqual(all.map((t: any) => [t.id, t.status]), [[task.id, 'done']]);
  });

  it('skip lets the sequence carry on too; other accounts and bad input are refused', async () => {
    const { api } = await stack.newAccount('Task skip');
    const emails = ['skip-1@tasks.test', 'skip-2@tasks.test'];
    const { sequence, tasks } = await waitingOnTasks(api, 2, emails);

    const intruder = await stack.newAccount('Task intruder');
    assert.equal((await intruder.api.post(`/v1/tasks/${tasks[0].id}/skip`)).status, 404);
    assert.deepEqual((await intruder.api.get('/v1/tasks')).body.data, []);
    assert.equal((await api.post(`/v1/tasks/${randomUUID()}/done`)).status, 404);
    assert.equal((await new ApiClient(stack.apiUrl).get('/v1/tasks')).status, 401);
    const badStatus = await api.get('/v1/tasks?status=pending');
    assert.equal(badStatus.status, 400);
    assert.equal(badStatus.body.error.field, 'status');
    assert.equal((await api.post('/v1/tasks/not-a-uuid/done')).status, 400);

    // Paged: one at a time, the cursor naming the last one seen.
    const first = (await api.get('/v1/tasks?status=open&limit=1')).body;
    assert.equal(first.data.length, 1);
    const second = (await api.get(`/v1/tasks?status=open&limit=1&after=${first.nextCursor}`)).body;
    assert.equal(second.nextCursor, null);
    assert.deepEqual([...first.data, ...second.data].map((t: any) => t.id), tasks.map((t) => t.id));

    for (const task of tasks) {
      const skipped = await api.post(`/v1/tasks/${task.id}/skip`);
      assert.equal(skipped.status, 200, JSON.stringify(skipped.body));
      assert.equal(skipped.body.status, 'skipped');
    }
    await sequence.settled('completed');
    for (const email of emails) assert.deepEqual(received(email), ['Hello', 'After the call']);
    assert.equal((await api.post(`/v1/tasks/${tasks[0].id}/done`)).status, 409);
  });

  it('a stop ends a sequence that waits on a task', async () => {
    const { api } = await stack.newAccount('Task stop');
    const email = 'stop-waiting@tasks.test';
    const { sequence, tasks: [task] } = await waitingOnTasks(api, 3, [email]);
    assert.equal((await api.post(`/v1/enrollments/${task.enrollmentId}/stop`)).status, 200);
    const run = await stack.temporal.client.workflow.getHandle(enrollmentWorkflowId(task.enrollmentId)).result();
    assert.equal(run.outcome, 'stopped');
    await sequence.settled('stopped');
    assert.deepEqual(received(email), ['Hello']);
    assert.deepEqual(await openTasks(api), []);
    const refused = await api.post(`/v1/tasks/${task.id}/done`);
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.message, `task ${task.id} was cancelled: the enrollment was stopped`);
  });

  it('an unsubscribe or a reply cancels the open task: off the open list, done and skip refused with the reason', async () => {
    const { api } = await stack.newAccount('Task cancelled');
    const leaver = 'leaver@tasks.test';
    const replier = 'replier@tasks.test';
    const { sequence, tasks } = await waitingOnTasks(api, 4, [leaver, replier]);
    const taskOf = (email: string) => tasks.find((t) => t.prospect.email === email);

    // The leaver uses the one-click link of the first email (sent to this stack's own port).
    const first = (email: string) => stack.smtp.messages.find((m) => m.envelope.to.includes(email) && m.subject === 'Hello')!;
    const link = /^List-Unsubscribe:\s*<([^>]+)>/im.exec(first(leaver).raw.toString('utf8'))![1];
    const click = await fetch(`${stack.apiUrl}${new URL(link).pathname}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    assert.equal(click.status, 200);
    // The replier answers the first email from their mail client.
    const rep = imapUser(4);
    const { imap } = testEnv();
    await appendMessage(
      { host: imap.host, port: imap.port, secure: false, username: rep.user, password: rep.password },
      'INBOX',
      rawMail({ from: replier, to: rep.user, subject: 'Re: Hello', text: 'No call please.', inReplyTo: first(replier).messageId }),
      { network: LOOPBACK_MAIL },
    );

    const ended = await eventually('both enrollments ended', async () => {
      const list = (await api.get(`/v1/campaigns/${sequence.campaignId}/enrollments`)).body.data as any[];
      return list.every((e) => e.status !== 'active') ? list : undefined;
    }, 40_000);
    const statusOf = (email: string) => ended.find((e) => e.id === sequence.enrollmentIds[email]);
    assert.deepEqual([statusOf(leaver).status, statusOf(leaver).stopReason], ['stopped', 'unsubscribed']);
    assert.equal(statusOf(replier).status, 'replied');

    assert.deepEqual(await openTasks(api), [], 'no task left open for people who opted out or answered');
    for (const [email, reason, words] of [
      [leaver, 'unsubscribed', 'the prospect unsubscribed'],
      [replier, 'replied', 'the prospect replied'],
    ]) {
      const task = taskOf(email);
      const listed = (await api.get('/v1/tasks?status=cancelled')).body.data.find((t: any) => t.id === task.id);
      assert.deepEqual([listed?.status, listed?.cancelReason], ['cancelled', reason]);
      for (const action of ['done', 'skip']) {
        const refused = await api.post(`/v1/tasks/${task.id}/${action}`);
        assert.equal(refused.status, 409, JSON.stringify(refused.body));
        assert.equal(refused.body.error.code, 'conflict');
        assert.equal(refused.body.error.message, `task ${task.id} was cancelled: ${words}`);
      }
    }
    await quietFor(1_500);
    for (const email of [leaver, replier]) assert.deepEqual(received(email), ['Hello']);
  });
});
