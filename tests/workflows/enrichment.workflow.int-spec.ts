import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { before, describe, it } from 'node:test';
import { Client, Connection } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { ProviderError, type ProspectEnrichment, type StepOutcome } from '@relance/enrichment';
import { ENRICHMENT_WORKFLOW, type EnrichmentRunResult } from '@relance/temporal/contracts';
import { createEnrichmentActivities } from '../../activities/enrichment.activities';
import { testEnv } from '../harness/env';

/**
 * The enrichment workflow and its activities' failure mapping on the real Temporal dev server,
 * with a scripted ProspectEnrichment in place of the providers: a refused request fails once
 * and is recorded, a throttled one is retried after the provider's Retry-After (well before the
 * policy's own 2 s backoff), a few prospects run at once, and the job is finished once.
 */
describe('enrichment workflow', () => {
  let bundle: WorkflowBundleWithSourceMap;

  before(async () => {
    bundle = await bundleWorkflowCode({
      workflowsPath: require.resolve('../../workflows/enrichment.workflow'),
      logger: { trace: () => {}, debug: () => {}, info: () => {}, warn: () => {}, error: () => {}, log: () => {} },
    });
  });

  it('records refused prospects, retries throttled ones after Retry-After, and finishes the job', async () => {
    const total = 10;
    const attempts = new Map<number, number[]>();
    const failures: [number, string][] = [];
    let finished = 0;
    let running = 0;
    let mostAtOnce = 0;
    const scripted = {
      jobSize: async () => total,
      process: async (_jobId: string, position: number): Promise<StepOutcome> => {
        attempts.set(position, [...(attempts.get(position) ?? []), Date.now()]);
        running++;
        mostAtOnce = Math.max(mostAtOnce, running);
        try {
          await new Promise((resolve) => setTimeout(resolve, 50));
          if (position === 1) throw new ProviderError('hunter', 'hunter_401', 'bad key', false, 401);
          if (position === 2 && attempts.get(2)!.length === 1) {
            throw new ProviderError('zerobounce', 'zerobounce_429', 'slow down', true, 429, 300);
          }
          return position === 3 ? 'skipped_restricted' : 'done';
        } finally {
          running--;
        }
      },
      recordFailure: async (_jobId: string, position: number, code: string) => void failures.push([position, code]),
      finish: async () => void finished++,
    } as unknown as ProspectEnrichment;

    const { temporalAddress, temporalNamespace } = testEnv();
    const taskQueue = `enrichment-spec-${randomUUID()}`;
    const nativeConnection = await NativeConnection.connect({ address: temporalAddress });
    const connection = await Connection.connect({ address: temporalAddress });
    let result: EnrichmentRunResult;
    try {
      const worker = await Worker.create({
        connection: nativeConnection, namespace: temporalNamespace, taskQueue, workflowBundle: bundle,
        activities: createEnrichmentActivities({ enrichment: scripted }),
      });
      const client = new Client({ connection, namespace: temporalNamespace });
      result = await worker.runUntil(client.workflow.execute(ENRICHMENT_WORKFLOW, {
        taskQueue, workflowId: `enrichment:${randomUUID()}`, args: [{ jobId: randomUUID() }],
      }));
    } finally {
      await connection.close();
      await nativeConnection.close();
    }

    assert.deepEqual(result, { processed: total });
    assert.deepEqual(failures, [[1, 'hunter_401']], 'the refused prospect is recorded with its code');
    assert.equal(attempts.get(1)!.length, 1, 'a refused request is not retried');
    const [first, second] = attempts.get(2)!;
    assert.equal(attempts.get(2)!.length, 2, 'a throttled request is retried');
    assert.ok(second - first >= 300 && second - first < 1500, `retried after the Retry-After (${second - first} ms), not the 2 s backoff`);
    assert.equal(finished, 1);
    assert.ok(mostAtOnce > 1 && mostAtOnce <= 4, `a few at once, never more than 4 (${mostAtOnce})`);
    for (let position = 0; position < total; position++) assert.ok(attempts.has(position), `position ${position} was processed`);
  });
});
