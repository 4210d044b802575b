import { ActivityFailure, ApplicationFailure, continueAsNew, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { EnrichmentActivities, EnrichmentInput, EnrichmentRunResult } from '@relance/temporal/contracts';

// Database work only: retried until the database answers.
const { enrichmentJobSize, recordEnrichmentFailure, finishEnrichmentJob } = proxyActivities<EnrichmentActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m', maximumAttempts: 30 },
});

// A provider call: a refused request (4xx but 429) fails at once (the activity marks it
// non-retryable); throttling and outages back off, after the provider's Retry-After when it sent
// one (the activity passes it as the next retry's delay), for about half an hour in all.
const { enrichProspect } = proxyActivities<EnrichmentActivities>({
  startToCloseTimeout: '2m',
  retry: { initialInterval: '2s', backoffCoefficient: 2, maximumInterval: '5m', maximumAttempts: 10 },
});

/** Prospects in flight at once: the rate limiter paces them; this bounds one job's share of the worker. */
const CONCURRENCY = 4;

/** Verifies or enriches every prospect of one job, a few at a time, then marks the job completed. */
export async function enrichmentWorkflow(input: EnrichmentInput): Promise<EnrichmentRunResult> {
  const { total } = await enrichmentJobSize({ jobId: input.jobId });
  let position = input.nextPosition ?? 0;
  if (total === null) return { processed: position };
  while (position < total) {
    const end = Math.min(total, position + CONCURRENCY);
    const batch = Array.from({ length: end - position }, (_, i) => position + i);
    await Promise.all(batch.map((at) => enrichOne(input.jobId, at)));
    position = end;
    if (position < total && workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof enrichmentWorkflow>({ jobId: input.jobId, nextPosition: position });
    }
  }
  await finishEnrichmentJob({ jobId: input.jobId });
  return { processed: total };
}

/** One prospect; once its attempts are over, its result says why it failed rather than failing the job. */
async function enrichOne(jobId: string, position: number): Promise<void> {
  try {
    await enrichProspect({ jobId, position });
  } catch (error) {
    if (!(error instanceof ActivityFailure)) throw error;
    const code = error.cause instanceof ApplicationFailure && error.cause.type ? error.cause.type : 'attempts_exhausted';
    await recordEnrichmentFailure({ jobId, position, code });
  }
}
