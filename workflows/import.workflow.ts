import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { ImportActivities, ImportInput } from '@relance/temporal/contracts';

const { failImport } = proxyActivities<ImportActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/**
 * Streams one stored CSV into prospects. The activity commits a batch and its checkpoint
 * together and heartbeats after each: a worker that dies mid-file stops heartbeating, and the
 * retry (on any worker) resumes from the last committed batch. After the last attempt the job
 * says it failed, so nobody waits forever.
 */
export async function importWorkflow(input: ImportInput): Promise<void> {
  const { runImport } = proxyActivities<ImportActivities>({
    startToCloseTimeout: '12h',
    heartbeatTimeout: input.heartbeatTimeoutMs,
    retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 10 },
  });
  try {
    await runImport({ importJobId: input.importJobId });
  } catch (error) {
    await failImport({ importJobId: input.importJobId, reason: 'the import stopped after repeated failures; the rows imported so far are kept' });
    throw ApplicationFailure.nonRetryable(`import ${input.importJobId} failed`, 'ImportFailed');
  }
}
