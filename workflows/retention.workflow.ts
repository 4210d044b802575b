import { proxyActivities } from '@temporalio/workflow';
import type { RetentionActivities, RetentionResult, RetentionWorkflowInput } from '@relance/temporal/contracts';

const { runRetentionJob } = proxyActivities<RetentionActivities>({
  // Archiving a month of request logs on a busy install takes a while; the job beats as it goes.
  startToCloseTimeout: '1h',
  heartbeatTimeout: '1m',
  retry: { initialInterval: '10s', backoffCoefficient: 2, maximumInterval: '10m', maximumAttempts: 5 },
});

/**
 * One retention job, started by its schedule. Jobs are idempotent (each removes what is past
 * its age when it runs), so a retry or an overlapping manual trigger removes nothing twice.
 */
export async function retentionWorkflow(input: RetentionWorkflowInput): Promise<RetentionResult> {
  return runRetentionJob(input);
}
