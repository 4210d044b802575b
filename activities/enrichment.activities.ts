import { ApplicationFailure } from '@temporalio/activity';
import { ProviderError, type ProspectEnrichment } from '@relance/enrichment';
import type { EnrichmentActivities } from '@relance/temporal/contracts';

/**
 * Thin adapters onto ProspectEnrichment. A provider's failure becomes a Temporal failure typed
 * by its code: non-retryable when the request itself was refused, retryable (after the
 * provider's Retry-After when it gave one) when it was throttled or failing. Messages carry the
 * code only: a provider's own words may quote the address.
 */
export function createEnrichmentActivities(deps: { enrichment: ProspectEnrichment }): EnrichmentActivities {
  return {
    enrichmentJobSize: async ({ jobId }) => ({ total: await deps.enrichment.jobSize(jobId) }),
    enrichProspect: async ({ jobId, position }) => {
      try {
        return { outcome: await deps.enrichment.process(jobId, position) };
      } catch (error) {
        if (!(error instanceof ProviderError)) throw error;
        throw ApplicationFailure.create({
          message: `${error.code}${error.status ? ` (HTTP ${error.status})` : ''}`,
          type: error.code,
          nonRetryable: !error.retryable,
          ...(error.retryable && error.retryAfterMs !== null ? { nextRetryDelay: error.retryAfterMs } : {}),
        });
      }
    },
    recordEnrichmentFailure: ({ jobId, position, code }) => deps.enrichment.recordFailure(jobId, position, code),
    finishEnrichmentJob: ({ jobId }) => deps.enrichment.finish(jobId),
  };
}
