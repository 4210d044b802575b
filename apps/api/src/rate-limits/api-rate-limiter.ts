import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { APP_LOGGER, type Logger } from '@relance/observability';
import { DomainError } from '@relance/errors';
import { PolicyState, rateLimitedMessage, rateLimitHeaders, secondsUntilReset } from './rate-limit-headers';

/** The table the ApiLimits migration creates in rate-limiter-flexible's shape. */
const TABLE = 'api_rate_limits';
/** Connections for counting: one upsert per request, so a few serve many concurrent requests. */
const POOL_SIZE = 4;

interface Policy {
  name: string;
  what: string;
  quota: number;
  limiter: RateLimiterPostgres;
}

/**
 * Per-API-key request budgets, counted in PostgreSQL by rate-limiter-flexible (fixed windows,
 * one upsert per request) so every API process draws on the same count. Sets the RateLimit
 * headers on the response; over a budget, throws `rate_limited` with Retry-After set.
 */
@Injectable()
export class ApiRateLimiter implements OnApplicationShutdown {
  private readonly pool: Pool;
  private readonly windowSeconds: number;
  private readonly general: Policy;
  private readonly expensive: Policy;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(APP_LOGGER) private readonly logger: Logger) {
    const { perKey, expensivePerKey, windowMs } = config.rateLimits;
    this.pool = new Pool({ connectionString: config.database.url, max: POOL_SIZE });
    // An idle connection the server closes (a restart, pg_terminate_backend) is dropped by the
    // pool and replaced at the next request; unheard, its 'error' would crash the process.
    this.pool.on('error', (error) => this.logger.warn({ err: { message: error.message } }, 'rate limits: an idle database connection was closed'));
    // Whole seconds: the RateLimit fields carry integers.
    this.windowSeconds = Math.max(1, Math.round(windowMs / 1000));
    const limiter = (keyPrefix: string, points: number) => new RateLimiterPostgres({
      storeClient: this.pool,
      storeType: 'pool',
      tableName: TABLE,
      // The migration made it: the library must not issue DDL at start-up.
      tableCreated: true,
      keyPrefix,
      points,
      duration: this.windowSeconds,
    });
    this.general = { name: 'per-key', what: 'requests', quota: perKey, limiter: limiter('per-key', perKey) };
    this.expensive = {
      name: 'expensive', what: 'launch, batch and export requests', quota: expensivePerKey, limiter: limiter('expensive', expensivePerKey),
    };
  }

  /** Counts one request of `apiKeyId` against its budgets, setting the headers on `response`. */
  async consume(apiKeyId: string, expensive: boolean, response: ServerResponse): Promise<void> {
    const states: PolicyState[] = [];
    for (const policy of expensive ? [this.general, this.expensive] : [this.general]) {
      const outcome = await this.countOrPass(policy, apiKeyId);
      if (!outcome) continue;
      states.push(outcome.state);
      if (outcome.exceeded) {
        setHeaders(response, rateLimitHeaders(states));
        response.setHeader('Retry-After', String(secondsUntilReset(outcome.state)));
        throw new DomainError('rate_limited', rateLimitedMessage(outcome.state, policy.what));
      }
    }
    if (states.length > 0) setHeaders(response, rateLimitHeaders(states));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }

  /**
   * The count, tried twice: a connection closed under a query fails it, and the next one gets a
   * fresh connection. When the store still fails, the request passes uncounted (logged): a
   * budget is a protection, not a reason to refuse service while the database recovers.
   */
  private async countOrPass(policy: Policy, apiKeyId: string): Promise<{ state: PolicyState; exceeded: boolean } | null> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await this.count(policy, apiKeyId);
      } catch (error) {
        if (attempt === 2) {
          this.logger.warn({ policy: policy.name, err: { message: (error as Error).message } }, 'rate limits: not counted, the store failed');
          return null;
        }
      }
    }
  }

  private async count(policy: Policy, apiKeyId: string): Promise<{ state: PolicyState; exceeded: boolean }> {
    let result: RateLimiterRes;
    let exceeded = false;
    try {
      result = await policy.limiter.consume(apiKeyId);
    } catch (rejection) {
      // The library rejects with its result when the budget is spent, with an Error when the store fails.
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      result = rejection;
      exceeded = true;
    }
    return {
      exceeded,
      state: {
        name: policy.name, quota: policy.quota, windowSeconds: this.windowSeconds,
        remaining: result.remainingPoints, msBeforeReset: result.msBeforeNext,
      },
    };
  }
}

function setHeaders(response: ServerResponse, headers: Record<string, string>): void {
  for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
}
