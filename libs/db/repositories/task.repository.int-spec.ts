import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { accountWithMailbox } from '../../../tests/support/account-with-mailbox';
import { loadConfig } from '@relance/config';
import { createDataSource } from '../data-source';
import { EnrollmentRepository } from './enrollment.repository';
import { OutboxRepository } from './outbox.repository';
import { SequenceControlRepository } from './sequence-control.repository';
import { SuppressionRepository } from './suppression.repository';
import { TaskRepository } from './task.repository';

/**
 * A task lives only as long as its sequence, on PostgreSQL: whichever statement ends the
 * enrollment cancels its open task in the same transaction, with the reason, and a cancelled
 * task can no longer be done or skipped.
 */
describe('tasks of ended enrollments (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let tasks: TaskRepository;
  let controls: SequenceControlRepository;
  let accountId: string;
  let mailboxId: string;

  before(async () => {
    dataSource = await createDataSource(loadConfig().database.url, { poolSize: 2 }).initialize();
    tasks = new TaskRepository(dataSource);
    controls = new SequenceControlRepository(dataSource);
    ({ accountId, mailboxId } = await accountWithMailbox(dataSource, 'Tasks', 'tasks-end.test'));
  });

  after(async () => {
    await dataSource?.destroy();
  });

  /** A running campaign whose one prospect got the first email and now has an open task. */
  async function waitingOnTask() {
    const [campaign] = await dataSource.query(
      `INSERT INTO campaigns (account_id, name, mailbox_id, status) VALUES ($1, 'c', $2, 'active') RETURNING id`, [accountId, mailboxId],
    );
    const [email] = await dataSource.query(
      `INSERT INTO steps (campaign_id, position, kind, subject, body) VALUES ($1, 0, 'email', 's', 'b') RETURNING id`, [campaign.id],
    );
    const [step] = await dataSource.query(
      `INSERT INTO steps (campaign_id, position, kind, task_title) VALUES ($1, 1, 'task', 'Call them') RETURNING id`, [campaign.id],
    );
    const address = `p-${randomUUID()}@tasks-end.test`;
    const [prospect] = await dataSource.query(`INSERT INTO prospects (account_id, email) VALUES ($1, $2) RETURNING id`, [accountId, address]);
    const [enrollment] = await dataSource.query(
      `INSERT INTO enrollments (account_id, campaign_id, prospect_id, workflow_id) VALUES ($1, $2, $3, $4) RETURNING id`,
      [accountId, campaign.id, prospect.id, `enrollment:${randomUUID()}`],
    );
    const [message] = await dataSource.query(
      `INSERT INTO messages (account_id, enrollment_id, step_id, mailbox_id, status, message_id_header, from_address,
                             to_address, subject, body_text, claimed_at)
       VALUES ($1, $2, $3, $4, 'sent', $5, 'rep@tasks-end.test', $6, 's', 'b', now()) RETURNING id`,
      [accountId, enrollment.id, email.id, mailboxId, `<${randomUUID()}@tasks-end.test>`, address],
    );
    const opened = await tasks.open(enrollment.id, step.id);
    assert.equal(opened?.state, 'open');
    const taskId = (opened as { taskId: string }).taskId;
    return { campaignId: campaign.id as string, stepId: step.id as string, enrollmentId: enrollment.id as string, messageId: message.id as string, taskId };
  }

  const openIds = async () => (await tasks.listPage(accountId, { status: 'open', limit: 1_000 }))!.items.map((t) => t.id);

  /** The task is cancelled for `reason`, off the open list, refused to the rep, and ends the workflow's wait. */
  async function assertCancelled(t: Awaited<ReturnType<typeof waitingOnTask>>, reason: string, enrollmentStatus: string) {
    const task = await tasks.findSummary(accountId, t.taskId);
    assert.deepEqual([task?.status, task?.cancelReason], ['cancelled', reason]);
    assert.ok(task?.completedAt, 'closed at the end');
    assert.ok(!(await openIds()).includes(t.taskId), 'no longer listed as open');
    for (const outcome of ['done', 'skipped'] as const) {
      const refused = await tasks.complete(accountId, t.taskId, outcome);
      assert.equal(refused.kind, 'refused');
      assert.equal((refused as { task: { status: string } }).task.status, 'cancelled');
    }
    assert.deepEqual(await tasks.check(t.enrollmentId, t.stepId), { state: 'ended', reason: `enrollment_${enrollmentStatus}` });
  }

  it('a stop of the enrollment or of its campaign cancels its open task', async () => {
    const byRep = await waitingOnTask();
    assert.equal(await controls.controlEnrollment(accountId, byRep.enrollmentId, 'stop'), 'changed');
    await assertCancelled(byRep, 'stopped_by_user', 'stopped');

    const byCampaign = await waitingOnTask();
    assert.equal(await controls.controlCampaign(accountId, byCampaign.campaignId, 'stop'), 'changed');
    await assertCancelled(byCampaign, 'campaign_stopped', 'stopped');
  });

  it('a failure, or a claim that finds the prospect suppressed, cancels it too', async () => {
    const failed = await waitingOnTask();
    await new EnrollmentRepository(dataSource).finish(failed.enrollmentId, 'failed', '550 mailbox unavailable');
    await assertCancelled(failed, 'failed', 'failed');

    const suppressed = await waitingOnTask();
    await new OutboxRepository(dataSource).stopEnrollment(suppressed.enrollmentId, 'prospect_suppressed');
    await assertCancelled(suppressed, 'prospect_suppressed', 'stopped');
  });

  it('an unsubscribe ends a paused enrollment as well, and cancels its task', async () => {
    const t = await waitingOnTask();
    assert.equal(await controls.controlEnrollment(accountId, t.enrollmentId, 'pause'), 'changed');
    assert.ok((await openIds()).includes(t.taskId), 'a paused sequence keeps its task: the rep may still act');
    const unsubscribed = await new SuppressionRepository(dataSource).unsubscribeRecipient(t.messageId, (e) => `hash:${e}`);
    assert.deepEqual(unsubscribed?.stoppedEnrollments.map((e) => e.id), [t.enrollmentId]);
    await assertCancelled(t, 'unsubscribed', 'stopped');
  });

  it('a task closed before the end stays as the rep left it', async () => {
    const t = await waitingOnTask();
    assert.equal((await tasks.complete(accountId, t.taskId, 'done')).kind, 'completed');
    assert.equal(await controls.controlEnrollment(accountId, t.enrollmentId, 'stop'), 'changed');
    const task = await tasks.findSummary(accountId, t.taskId);
    assert.deepEqual([task?.status, task?.cancelReason], ['done', null]);
  });
});
