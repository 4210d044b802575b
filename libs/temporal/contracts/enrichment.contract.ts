export const ENRICHMENT_WORKFLOW = 'enrichmentWorkflow';

/** One workflow per enrichment job, named by the job's id: the prospects, kind and provider stay in its row. */
export interface EnrichmentInput {
  jobId: string;
  /** Where a continued run starts (continue-as-new); 0 when absent. */
  nextPosition?: number;
}

/** Counts only: the results are in enrichment_results. */
export interface EnrichmentRunResult {
  processed: number;
}

/**
 * What became of one prospect: done (the provider answered; a retried step finds its result
 * recorded and records nothing twice), skipped (restricted, never sent; or deleted since), or the job is gone.
 */
export type EnrichmentStepOutcome = 'done' | 'skipped_restricted' | 'skipped_gone' | 'job_gone';

export interface EnrichmentActivities {
  /** How many prospects the job has; null when the job is gone (an account purged meanwhile). */
  enrichmentJobSize(input: { jobId: string }): Promise<{ total: number | null }>;
  /**
   * Verifies or enriches the job's prospect at `position` and records the result. Fails
   * non-retryably when the provider refused the request (4xx, a missing key), retryably when it
   * was throttled or failing (429, 5xx, timeouts: after its Retry-After when it sent one).
   */
  enrichProspect(input: { jobId: string; position: number }): Promise<{ outcome: EnrichmentStepOutcome }>;
  /** Records the prospect at `position` as failed with `code` once its attempts are over. */
  recordEnrichmentFailure(input: { jobId: string; position: number; code: string }): Promise<void>;
  finishEnrichmentJob(input: { jobId: string }): Promise<void>;
}
