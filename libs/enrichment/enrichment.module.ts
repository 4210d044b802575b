import { Module } from '@nestjs/common';
import { EmailFinder } from './email-finder.service';
import { EnrichmentRepository } from './enrichment.repository';
import { ProviderClients } from './provider-clients';
import { ProviderKeys } from './provider-keys.service';
import { ProspectEnrichment } from './prospect-enrichment.service';
import { RateBucketRepository } from './rate-bucket.repository';
import { ProviderRateLimiter } from './rate-limiter';

/** Verification and enrichment for the API (keys, jobs, the finder) and the worker (the activities' services). */
@Module({
  providers: [EnrichmentRepository, RateBucketRepository, ProviderRateLimiter, ProviderClients, ProviderKeys, ProspectEnrichment, EmailFinder],
  exports: [EnrichmentRepository, ProviderRateLimiter, ProviderClients, ProviderKeys, ProspectEnrichment, EmailFinder],
})
export class EnrichmentModule {}
