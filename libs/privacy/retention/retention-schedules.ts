import { Client, ScheduleAlreadyRunning, ScheduleOverlapPolicy, type ScheduleOptions } from '@temporalio/client';
import {
  RETENTION_JOBS, retentionScheduleId, TASK_QUEUES, type RetentionJob, type RetentionWorkflowInput,
} from '@relance/temporal/contracts';

/**
 * Creates one schedule per retention job, with a fixed id; when it already exists (another
 * worker, an earlier start), updates its interval and action to this worker's configuration
 * instead. Starting any number of workers leaves exactly one schedule per job.
 */
export async function ensureRetentionSchedules(client: Client, intervalMs: number): Promise<void> {
  for (const job of RETENTION_JOBS) {
    const options = scheduleOptions(job, intervalMs);
    try {
      await client.schedule.create(options);
    } catch (error) {
      if (!(error instanceof ScheduleAlreadyRunning)) throw error;
      await client.schedule.getHandle(options.scheduleId).update((previous) => ({
        ...previous,
        spec: options.spec,
        action: options.action,
        policies: { ...previous.policies, overlap: ScheduleOverlapPolicy.SKIP },
      }));
    }
  }
}

function scheduleOptions(job: RetentionJob, intervalMs: number) {
  const input: RetentionWorkflowInput = { job };
  return {
    scheduleId: retentionScheduleId(job),
    spec: { intervals: [{ every: intervalMs }] },
    action: {
      type: 'startWorkflow' as const,
      workflowType: 'retentionWorkflow',
      // Temporal appends the scheduled time to this id for each run.
      workflowId: retentionScheduleId(job),
      taskQueue: TASK_QUEUES.retention,
      args: [input],
    },
    // A run still going when the next is due: skip the next, never run one job twice at once.
    policies: { overlap: ScheduleOverlapPolicy.SKIP, catchupWindow: '1 day' },
  } satisfies ScheduleOptions;
}
