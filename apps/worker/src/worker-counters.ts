import { CancelledFailure } from '@temporalio/common';
import type { Context } from '@temporalio/activity';
import type { ActivityInterceptorsFactory, InjectedSinks } from '@temporalio/worker';
import type { MetricsSinks } from '@relance/temporal/contracts';
import type { SendResultForMetrics, WorkerMetrics } from '@relance/observability';

/** The activities whose result is a send's outcome (SendStepResult). */
const SEND_ACTIVITIES = new Set(['sendStep', 'resendStep']);

/**
 * Counts what the worker's activities do, beside them rather than inside the services: each
 * send's outcome (and the claim's refusal, when it refused), and each failed attempt by activity
 * type. A cancellation (the workflow moved on, the worker is draining) is not a failure.
 */
export function countActivities(metrics: WorkerMetrics): ActivityInterceptorsFactory {
  return (context: Context) => ({
    inbound: {
      async execute(input, next) {
        const { activityType, taskQueue } = context.info;
        try {
          const result = await next(input);
          if (SEND_ACTIVITIES.has(activityType)) metrics.sendResult(result as SendResultForMetrics);
          return result;
        } catch (error) {
          if (!(error instanceof CancelledFailure)) metrics.activityFailed(activityType, taskQueue);
          throw error;
        }
      },
    },
  });
}

/** The main-thread side of workflows/failure-count.interceptors.ts: a failed run, counted by its type. */
export function metricsSinks(metrics: WorkerMetrics): InjectedSinks<MetricsSinks> {
  return { metrics: { workflowFailed: { fn: (info) => metrics.workflowFailed(info.workflowType) } } };
}
