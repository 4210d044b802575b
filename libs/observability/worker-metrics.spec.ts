import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { WorkerMetrics } from './worker-metrics';

async function samples(metrics: WorkerMetrics, name: string): Promise<Record<string, number>> {
  const metric = await metrics.registry.getSingleMetric(name)!.get();
  return Object.fromEntries(metric.values.map((value) => [JSON.stringify(value.labels), value.value]));
}

describe('WorkerMetrics', () => {
  it('counts sends by outcome, and the claim\'s refusals by outcome and reason', async () => {
    const metrics = new WorkerMetrics();
    metrics.sendResult({ outcome: 'sent' });
    metrics.sendResult({ outcome: 'sent' });
    metrics.sendResult({ outcome: 'stopped', reason: 'prospect_replied' });
    metrics.sendResult({ outcome: 'paused', reason: 'paused_by_user' });
    metrics.sendResult({ outcome: 'deferred', reason: 'out_of_office' });
    metrics.sendResult({ outcome: 'deferred' });
    metrics.sendResult({ outcome: 'failed', reason: '550 <ada@x.com> user unknown' });
    assert.deepEqual(await samples(metrics, 'relance_sends_total'), {
      '{"outcome":"sent"}': 2, '{"outcome":"stopped"}': 1, '{"outcome":"paused"}': 1, '{"outcome":"deferred"}': 2, '{"outcome":"failed"}': 1,
    });
    assert.deepEqual(await samples(metrics, 'relance_claim_refusals_total'), {
      '{"outcome":"stopped","reason":"prospect_replied"}': 1, '{"outcome":"paused","reason":"paused_by_user"}': 1,
      '{"outcome":"deferred","reason":"out_of_office"}': 1, '{"outcome":"deferred","reason":"other"}': 1,
    });
  });

  it('counts replies by kind, bounces by reason and complaints', async () => {
    const metrics = new WorkerMetrics();
    for (const kind of ['reply', 'reply', 'referral', 'auto_reply']) metrics.inboundRecorded({ kind });
    metrics.inboundRecorded({ kind: 'bounce', reason: 'hard_bounce' });
    metrics.inboundRecorded({ kind: 'bounce', reason: 'Mailbox full for bob@y.test' });
    metrics.inboundRecorded({ kind: 'complaint' });
    assert.deepEqual(await samples(metrics, 'relance_replies_total'), { '{"kind":"reply"}': 2, '{"kind":"referral"}': 1, '{"kind":"auto_reply"}': 1 });
    assert.deepEqual(await samples(metrics, 'relance_bounces_total'), { '{"reason":"hard_bounce"}': 1, '{"reason":"other"}': 1 });
    assert.deepEqual(await samples(metrics, 'relance_complaints_total'), { '{}': 1 });
  });

  it('counts activity failures by type and queue, as label codes', async () => {
    const metrics = new WorkerMetrics();
    metrics.activityFailed('sendStep', 'sequences');
    metrics.activityFailed('syncMailbox', 'mail-sync');
    assert.deepEqual(await samples(metrics, 'relance_activity_failures_total'), {
      '{"activity_type":"send_step","task_queue":"sequences"}': 1, '{"activity_type":"sync_mailbox","task_queue":"mail_sync"}': 1,
    });
  });

  it('counts failed workflow runs by type', async () => {
    const metrics = new WorkerMetrics();
    metrics.workflowFailed('retentionWorkflow');
    metrics.workflowFailed('retentionWorkflow');
    assert.deepEqual(await samples(metrics, 'relance_workflow_failures_total'), { '{"workflow_type":"retention_workflow"}': 2 });
  });

  it('keeps each instance apart (an API and a worker in one test process)', async () => {
    const first = new WorkerMetrics();
    const second = new WorkerMetrics();
    first.sendResult({ outcome: 'sent' });
    assert.match(await first.registry.metrics(), /^relance_sends_total\{outcome="sent"\} 1$/m);
    assert.doesNotMatch(await second.registry.metrics(), /^relance_sends_total\{/m);
  });
});
