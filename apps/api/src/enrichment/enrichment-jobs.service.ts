import { Inject, Injectable } from '@nestjs/common';
import type { EnrichmentJob, EnrichmentKind, EnrichmentProvider, EnrichmentResult } from '@relance/db';
import { DEFAULT_PROVIDER, EnrichmentRepository, PROVIDERS_FOR, ProviderKeys } from '@relance/enrichment';
import { DomainError } from '@relance/errors';
import { enrichmentWorkflowId } from '@relance/temporal/contracts';
import { WorkflowStarter } from '../workflows/workflow-starter.service';

export interface EnrichmentOptions {
  kind: EnrichmentKind;
  /** Default: DEFAULT_PROVIDER of the kind. */
  provider?: EnrichmentProvider;
}

/**
 * Starts and reads enrichment jobs. `start` is the one entry point: the API route uses it, and so
 * can anything that wants a list of an account's prospects verified or enriched (an import's).
 */
@Injectable()
export class EnrichmentJobsService {
  constructor(
    @Inject(EnrichmentRepository) private readonly repository: EnrichmentRepository,
    @Inject(ProviderKeys) private readonly keys: ProviderKeys,
    @Inject(WorkflowStarter) private readonly workflows: WorkflowStarter,
  ) {}

  /**
   * Checks the request (the provider can do the kind, the account has its key, every prospect is
   * the account's), records the job and starts its `enrichment:<jobId>` workflow.
   */
  async start(accountId: string, prospectIds: readonly string[], options: EnrichmentOptions): Promise<{ job: EnrichmentJob; workflowId: string }> {
    const provider = options.provider ?? DEFAULT_PROVIDER[options.kind];
    if (!PROVIDERS_FOR[options.kind].includes(provider)) {
      const message = `provider ${provider} cannot ${options.kind}: use one of ${PROVIDERS_FOR[options.kind].join(', ')}`;
      throw DomainError.validation([{ field: 'provider', message }]);
    }
    if (provider !== 'builtin' && (await this.keys.open(accountId, provider)) === null) {
      const message = `provider ${provider} has no API key: set it with PUT /v1/enrichment-providers/${provider}`;
      throw DomainError.validation([{ field: 'provider', message }]);
    }
    const ids = [...new Set(prospectIds.map((id) => id.toLowerCase()))];
    const foreign = await this.repository.foreignProspectIds(accountId, ids);
    if (foreign.length > 0) {
      throw new DomainError('not_found', `prospect ${foreign[0]} not found${foreign.length > 1 ? ` (and ${foreign.length - 1} more)` : ''}`, {
        field: 'prospectIds',
      });
    }
    const job = await this.repository.createJob(accountId, options.kind, provider, ids);
    const workflowId = await this.workflows.startEnrichment(job.id);
    return { job, workflowId };
  }

  async get(accountId: string, jobId: string): Promise<{ job: EnrichmentJob; workflowId: string; results: EnrichmentResult[] }> {
    const job = await this.repository.findJob(accountId, jobId);
    if (!job) throw DomainError.notFound('enrichment job', jobId);
    return { job, workflowId: enrichmentWorkflowId(job.id), results: await this.repository.results(job.id) };
  }
}
