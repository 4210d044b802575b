import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { WorkflowNotFoundError } from '@temporalio/client';
import { eventually } from '../../../tests/support/api-client';
import { loadConfig } from '@relance/config';
import { connectTemporalClient, type TemporalClientHandle } from '@relance/temporal';
import { WorkflowPurge } from './workflow-purge';

/** No worker polls this queue: a workflow started on it stays running until terminated. */
const IDLE_QUEUE = 'erasure-purge-spec';

/** Terminating and deleting an erased subject's workflows, on the real Temporal dev server. */
describe('WorkflowPurge (Temporal dev server)', () => {
  let temporal: TemporalClientHandle;
  let purge: WorkflowPurge;

  before(async () => {
    temporal = await connectTemporalClient(loadConfig());
    purge = new WorkflowPurge(temporal.client);
  });

  after(async () => {
    await temporal?.close();
  });

  const start = (workflowId: string) =>
    temporal.client.workflow.start('enrollmentWorkflow', {
      workflowId, taskQueue: IDLE_QUEUE, args: [{ enrollmentId: workflowId.split(':')[1] }], workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
  const runsListed = async (workflowId: string) => {
    const runs: string[] = [];
    for await (const run of temporal.client.workflow.list({ query: `WorkflowId = "${workflowId}"` })) runs.push(run.runId);
    return runs;
  };
  /** A running run goes at once; a closed one when the server's task queue gets to it (up to a minute here). */
  const gone = (workflowId: string, timeoutMs = 10_000) => eventually(`${workflowId} to be deleted`, async () => {
    try {
      await temporal.client.workflow.getHandle(workflowId).describe();
      return undefined;
    } catch (error) {
      return error instanceof WorkflowNotFoundError ? true : undefined;
    }
  }, timeoutMs);

  it('terminates a running workflow and deletes its history', async () => {
    const workflowId = `enrollment:${randomUUID()}`;
    await start(workflowId);
    assert.equal((await temporal.client.workflow.getHandle(workflowId).describe()).status.name, 'RUNNING');
    assert.deepEqual(await purge.purge([workflowId]), { terminated: 1, deletedRuns: 1 });
    await gone(workflowId);
  });

  it('deletes every run of an id (a closed one, and the newer one running), and is harmless again', async () => {
    const workflowId = `enrollment:${randomUUID()}`;
    await (await start(workflowId)).terminate('first run over');
    await start(workflowId);
    await eventually('both runs to be listed', async () => ((await runsListed(workflowId)).length === 2 ? true : undefined), 15_000);
    assert.deepEqual(await purge.purge([workflowId]), { terminated: 1, deletedRuns: 2 });
    await gone(workflowId);
    await eventually('no run to be listed', async () => ((await runsListed(workflowId)).length === 0 ? true : undefined), 120_000);
    assert.deepEqual(await purge.purge([workflowId]), { terminated: 0, deletedRuns: 0 });
  });

  it('an id that never ran is nothing to do', async () => {
    assert.deepEqual(await purge.purge([`enrollment-control:${randomUUID()}`]), { terminated: 0, deletedRuns: 0 });
  });
});
