/**
 * Retention runs as Temporal Schedules, one per job, each starting retentionWorkflow with the
 * job's name and nothing else (no ids of people, no paths): what a job removes is decided by
 * the worker's configuration when it runs.
 */
export const RETENTION_JOBS = [
  /** Request logs past REQUEST_LOG_RETENTION into gzip archives, deleted from the table. */
  'request-log-archive',
  /** Archives past REQUEST_LOG_ARCHIVE_RETENTION destroyed. */
  'log-archive-destroy',
  /** Support conversations of accounts deleted more than SUPPORT_CONVERSATION_RETENTION ago. */
  'support-conversations',
  /**
   * Staff tokens and API keys revoked more than REVOKED_TOKEN_RETENTION ago; account export
   * archives and access exports once their download links have expired.
   */
  'expired-tokens',
] as const;

export type RetentionJob = (typeof RETENTION_JOBS)[number];

export interface RetentionWorkflowInput {
  job: RetentionJob;
}

/** How many of each thing a run removed, by name (`archived`, `archives`, `deleted`…). */
export type RetentionCounts = Record<string, number>;

export interface RetentionResult {
  job: RetentionJob;
  runId: string;
  counts: RetentionCounts;
}

export interface RetentionActivities {
  /** Runs one job and records it in retention_runs (a failed attempt is recorded too, then thrown). */
  runRetentionJob(input: RetentionWorkflowInput): Promise<RetentionResult>;
}

/** The fixed id of a job's schedule: creating it again finds the same schedule. */
export const retentionScheduleId = (job: RetentionJob) => `retention:${job}`;

export function isRetentionJob(value: unknown): value is RetentionJob {
  return typeof value === 'string' && (RETENTION_JOBS as readonly string[]).includes(value);
}
