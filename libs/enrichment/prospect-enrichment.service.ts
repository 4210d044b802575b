import { Inject, Injectable } from '@nestjs/common';
import { EnrichmentRepository, type EnrichmentTarget, type ResultToRecord } from './enrichment.repository';
import { ProviderClients } from './provider-clients';
import { ProviderKeys } from './provider-keys.service';
import { ProviderError, type ProviderName } from './providers/provider-error';
import { ProviderRateLimiter } from './rate-limiter';
import type { Enrichment, Verification } from './verification';

import type { EnrichmentStepOutcome as StepOutcome } from '@relance/temporal/contracts';

export type { StepOutcome };

/**
 * One prospect of an enrichment job: a restricted prospect (GDPR art. 18) is recorded as skipped
 * and never sent to anyone; the others go to the job's provider under its rate limit, and the
 * answer is recorded. Provider failures are thrown as ProviderError for the activity to map
 * onto Temporal's retry policy; `recordFailure` writes the prospect's result once attempts end.
 */
@Injectable()
export class ProspectEnrichment {
  constructor(
    @Inject(EnrichmentRepository) private readonly repository: EnrichmentRepository,
    @Inject(ProviderClients) private readonly clients: ProviderClients,
    @Inject(ProviderKeys) private readonly keys: ProviderKeys,
    @Inject(ProviderRateLimiter) private readonly limiter: ProviderRateLimiter,
  ) {}

  jobSize(jobId: string): Promise<number | null> {
    return this.repository.jobSize(jobId);
  }

  async process(jobId: string, position: number): Promise<StepOutcome> {
    const target = await this.repository.target(jobId, position);
    if (!target) return 'job_gone';
    // Credits are spent per call: a step whose result is in already asks nobody again.
    if (target.recorded) return 'done';
    if (!target.prospect) {
      await this.repository.record(target, position, { outcome: 'skipped', errorCode: 'prospect_gone' });
      return 'skipped_gone';
    }
    if (target.prospect.restricted) {
      await this.repository.record(target, position, { outcome: 'skipped', errorCode: 'restricted' });
      return 'skipped_restricted';
    }
    const result = await this.ask(target, target.prospect.email);
    await this.repository.record(target, position, result);
    return 'done';
  }

  /** The prospect's result after the provider refused it or kept failing: `code` is ProviderError's. */
  async recordFailure(jobId: string, position: number, code: string): Promise<void> {
    const target = await this.repository.target(jobId, position);
    if (target) await this.repository.record(target, position, { outcome: 'failed', errorCode: code });
  }

  finish(jobId: string): Promise<void> {
    return this.repository.finishJob(jobId);
  }

  private async ask(target: EnrichmentTarget, email: string): Promise<ResultToRecord> {
    const { kind, provider, accountId } = target.job;
    if (provider === 'builtin') return verified(await this.clients.builtin.verify(email));
    const apiKey = await this.keys.open(accountId, provider);
    if (!apiKey) throw new ProviderError(provider, `${provider}_no_key`, `the account has no ${provider} key`, false);
    await this.limiter.acquire(provider, accountId);
    return kind === 'verify' ? verified(await this.verify(provider, apiKey, email)) : enriched(await this.enrich(provider, apiKey, email));
  }

  private verify(provider: ProviderName, apiKey: string, email: string): Promise<Verification> {
    return this.clients[provider].verify(apiKey, email);
  }

  private enrich(provider: ProviderName, apiKey: string, email: string): Promise<Enrichment> {
    if (provider === 'briteverify') throw new ProviderError(provider, 'briteverify_cannot_enrich', 'BriteVerify only verifies', false);
    return this.clients[provider].enrich(apiKey, email);
  }
}

const verified = (verification: Verification): ResultToRecord => ({
  outcome: 'done', verdict: verification.verdict, score: verification.score, details: verification.details,
});

const enriched = (enrichment: Enrichment): ResultToRecord => ({ outcome: 'done', details: enrichment.details, facts: enrichment.facts });
