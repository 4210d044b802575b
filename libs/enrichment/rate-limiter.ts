import { setTimeout as sleep } from 'node:timers/promises';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import type { ProviderName } from './providers/provider-error';
import { ProviderError } from './providers/provider-error';
import { RateBucketRepository } from './rate-bucket.repository';
import { bucketFor, type BucketShape } from './token-bucket';

/**
 * Keeps calls to each provider under its documented limits, per API key (so per account), across
 * every worker: waits for a token from the shared bucket. Past `maxWaitMs` it gives up with a
 * retryable failure, so the activity's retry policy (and its heartbeat) take over rather than
 * one attempt waiting forever.
 */
@Injectable()
export class ProviderRateLimiter {
  private readonly shapes: Record<ProviderName, BucketShape>;

  constructor(
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(RateBucketRepository) private readonly buckets: RateBucketRepository,
  ) {
    const { hunter, briteverify, zerobounce } = config.enrichment;
    this.shapes = {
      hunter: bucketFor(hunter.rateLimit), briteverify: bucketFor(briteverify.rateLimit), zerobounce: bucketFor(zerobounce.rateLimit),
    };
  }

  async acquire(provider: ProviderName, accountId: string, maxWaitMs = 30_000): Promise<void> {
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const waitMs = await this.buckets.take(`${provider}:${accountId}`, this.shapes[provider]);
      if (waitMs === 0) return;
      if (Date.now() + waitMs > deadline) {
        throw new ProviderError(provider, `${provider}_local_rate_limit`, `${provider}: no call allowed within ${maxWaitMs} ms`, true, null, waitMs);
      }
      await sleep(waitMs);
    }
  }
}
