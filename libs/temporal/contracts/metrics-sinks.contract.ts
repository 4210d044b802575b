import type { Sinks } from '@temporalio/workflow';

/**
 * What workflow code tells the worker's main thread for its counters, through Temporal sinks
 * (fire-and-forget, never during replay, no command in the history).
 */
export interface MetricsSinks extends Sinks {
  metrics: {
    /** The run is failing: the error leaving the workflow fails the execution. */
    workflowFailed(): void;
  };
}
