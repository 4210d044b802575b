import {
  isCancellation, proxySinks, TemporalFailure, type WorkflowExecuteInput, type WorkflowInboundCallsInterceptor,
  type WorkflowInterceptorsFactory,
} from '@temporalio/workflow';
import type { MetricsSinks } from '@relance/temporal/contracts';

const { metrics } = proxySinks<MetricsSinks>();

/**
 * Tells the worker's counters when a run fails. The SDK fails the execution for a
 * TemporalFailure (an ApplicationFailure, an activity's or a child's failure) leaving the
 * workflow; a cancellation cancels it, continue-as-new is no failure, and any other error only
 * fails the workflow task (retried, not counted here).
 */
class FailureCount implements WorkflowInboundCallsInterceptor {
  async execute(input: WorkflowExecuteInput, next: (input: WorkflowExecuteInput) => Promise<unknown>): Promise<unknown> {
    try {
      return await next(input);
    } catch (error) {
      if (error instanceof TemporalFailure && !isCancellation(error)) metrics.workflowFailed();
      throw error;
    }
  }
}

export const interceptors: WorkflowInterceptorsFactory = () => ({ inbound: [new FailureCount()] });
