import { proxyActivities } from '@temporalio/workflow';

/** The activity of the limit workload: does nothing, so only Temporal's own cost remains. */
export interface TrivialActivities {
  noop(): Promise<void>;
}

const { noop } = proxyActivities<TrivialActivities>({
  startToCloseTimeout: '30s',
  retry: { maximumAttempts: 3 },
});

/**
 * The enrollment benchmark's limit: one workflow running one activity, the least a
 * workflow-per-prospect design can cost on a given Temporal server and worker.
 */
export async function trivialWorkflow(): Promise<void> {
  await noop();
}

/**
 * Completes in its first workflow task, with no activity: the least any workflow costs, so
 * the least a design can cost where each email passes through its prospect's workflow.
 */
export async function emptyWorkflow(): Promise<void> {
  return undefined;
}
