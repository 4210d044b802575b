import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Worker } from '@temporalio/worker';
import { startTemporalDevServer, type TemporalDevServer } from '@relance/devservices';
import { createDataConverter, type EnrollmentResult } from '@relance/temporal';
import { testEnv } from '../harness/env';
import { eventually } from '../support/api-client';
import { RelanceStack, startRelanceStack } from '../support/relance-stack';
import { relanceWorkflowBundle } from '../../apps/worker/src/workflow-bundle';

/** A history this long makes Temporal suggest a new run (its default is 4,096 events). */
const SUGGEST_AFTER_EVENTS = 40;

/**
 * A paused enrollment asks again every second here, and each turn adds to its history: on a
 * Temporal server that suggests continuing as new after a short history, it hands over to new
 * runs, and the sequence goes on from where it stood once resumed. Every run's history then
 * replays with today's code.
 */
describe('enrollment workflow: continues as new when Temporal suggests it', () => {
  let temporal: TemporalDevServer;
  let stack: RelanceStack;
  let workDir: string;

  before(async () => {
    workDir = await mkdtemp(join(tmpdir(), 'relance-can-'));
    temporal = await startTemporalDevServer({
      cli: testEnv().temporalCli,
      ui: false,
      logFile: join(workDir, 'temporal.log'),
      dynamicConfig: { 'limit.historyCount.suggestContinueAsNew': SUGGEST_AFTER_EVENTS },
    });
    stack = await startRelanceStack({ env: { TEMPORAL_ADDRESS: temporal.address, PAUSE_RECHECK_INTERVAL: '1s' } });
  });

  after(async () => {
    await stack?.stop();
    await temporal?.stop();
    await rm(workDir, { recursive: true, force: true });
  });

  it('hands a long pause over to new runs, then carries on once resumed, and every run replays', async () => {
    const { api } = stack;
    const mailboxId = await stack.connectMailbox(api, 4, { minSpacingSeconds: 0 });
    const email = 'long-pause@prospects.test';
    assert.equal((await api.post('/v1/prospects', { email })).status, 201);
    const campaign = await api.post('/v1/campaigns', {
      name: 'Long pause',
      mailboxId,
      steps: [{ type: 'email', subject: 'First', body: 'One' }, { type: 'wait', amount: 1, unit: 'seconds' }, { type: 'email', body: 'Two' }],
    });
    assert.equal((await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true })).status, 202);
    await stack.smtp.waitFor((m) => m.envelope.to.includes(email), 20_000);
    const [enrollment] = (await api.get(`/v1/campaigns/${campaign.body.id}/enrollments`)).body.data;
    assert.equal((await api.post(`/v1/enrollments/${enrollment.id}/pause`)).status, 200);

    const { client } = stack.temporal;
    const firstRunId = (await client.workflow.getHandle(enrollment.workflowId).describe()).runId;
    await eventually('the first run to continue as new', async () => {
      const first = await client.workflow.getHandle(enrollment.workflowId, firstRunId).describe();
      return first.status.name === 'CONTINUED_AS_NEW' ? true : undefined;
    }, 60_000);
    assert.equal(stack.smtp.messages.filter((m) => m.envelope.to.includes(email)).length, 1, 'nothing sent while paused');

    assert.equal((await api.post(`/v1/enrollments/${enrollment.id}/resume`)).status, 200);
    const result: EnrollmentResult = await client.workflow.getHandle(enrollment.workflowId).result();
    assert.deepEqual(result, { enrollmentId: enrollment.id, outcome: 'completed', stepsSent: 2 }, 'the count carried over');
    const sent = stack.smtp.messages.filter((m) => m.envelope.to.includes(email));
    assert.deepEqual(sent.map((m) => m.subject), ['First', 'Re: First'], 'each step once, in order');

    const runs: { workflowId: string; runId: string }[] = [];
    for await (const run of client.workflow.list({ query: `WorkflowId = '${enrollment.workflowId}'` })) {
      runs.push({ workflowId: run.workflowId, runId: run.runId });
    }
    assert.ok(runs.length >= 2, `${runs.length} run(s)`);
    const histories = runs.map(async ({ workflowId, runId }) => ({
      workflowId,
      history: await client.workflow.getHandle(workflowId, runId).fetchHistory(),
    }));
    let replayed = 0;
    const replays = Worker.runReplayHistories(
      { workflowBundle: await relanceWorkflowBundle(), dataConverter: createDataConverter(stack.config) },
      (async function* () { for (const history of histories) yield await history; })(),
    );
    for await (const { workflowId, error } of replays) {
      assert.equal(error, undefined, `${workflowId} replays: ${error?.message}`);
      replayed += 1;
    }
    assert.equal(replayed, runs.length);
  });
});
