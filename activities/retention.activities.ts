import { Context } from '@temporalio/activity';
import { ApplicationFailure } from '@temporalio/common';
import type { RetentionJobs } from '@relance/privacy/retention';
import { isRetentionJob, type RetentionActivities } from '@relance/temporal/contracts';

export function createRetentionActivities(deps: { jobs: RetentionJobs }): RetentionActivities {
  return {
    runRetentionJob: async ({ job }) => {
      // A schedule made by a newer worker may name a job this one does not know: retrying cannot help.
      if (!isRetentionJob(job)) throw ApplicationFailure.nonRetryable(`unknown retention job ${String(job)}`, 'UnknownRetentionJob');
      const run = await deps.jobs.run(job, () => Context.current().heartbeat());
      return { job, runId: run.id, counts: run.counts };
    },
  };
}
