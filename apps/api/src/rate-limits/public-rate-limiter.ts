import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createHmac } from 'node:crypto';
import { Pool } from 'pg';
import { RateLimiterPostgres, RateLimiterRes } from 'rate-limiter-flexible';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { DomainError } from '@relance/errors';
import { APP_LOGGER, type Logger } from '@relance/observability';

/**
 * The brake on public routes that mail someone (sign-ups, accepting invitations): no API key to
 * meter, so requests are counted per client IP and per address named, in the table the API key
 * budgets use. Counters are keyed by an HMAC of the IP or address under SUPPRESSION_HASH_KEY:
 * the table never holds either in clear, and rows expire with their window.
 */
@Injectable()
export class PublicRateLimiter implements OnApplicationShutdown {
  private readonly pool: Pool;
  private readonly perIp: RateLimiterPostgres;
  private readonly perEmail: RateLimiterPostgres;
  private readonly hashKey: Buffer;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(APP_LOGGER) private readonly logger: Logger) {
    const { perIp, perEmail, windowMs } = config.signups.publicLimits;
    this.hashKey = config.suppression.hashKey;
    this.pool = new Pool({ connectionString: config.database.url, max: 2 });
    this.pool.on('error', (error) => this.logger.warn({ err: { message: error.message } }, 'public limits: an idle database connection was closed'));
    const limiter = (keyPrefix: string, points: number) => new RateLimiterPostgres({
      storeClient: this.pool, storeType: 'pool', tableName: 'api_rate_limits', tableCreated: true,
      keyPrefix, points, duration: Math.max(1, Math.round(windowMs / 1000)),
    });
    this.perIp = limiter('public-ip', perIp);
    this.perEmail = limiter('public-email', perEmail);
  }

  /** Counts one request from `ip` (and for `email` when the route names one); 429 past either limit. */
  async consume(what: string, ip: string, email?: string): Promise<void> {
    await this.count(this.perIp, this.key(`ip:${ip}`), `${what} requests from your address`);
    if (email !== undefined) await this.count(this.perEmail, this.key(`email:${email}`), `${what} requests for this email address`);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.pool.end();
  }

  private key(text: string): string {
    return createHmac('sha256', this.hashKey).update(text, 'utf8').digest('hex');
  }

  private async count(limiter: RateLimiterPostgres, key: string, what: string): Promise<void> {
    try {
      await limiter.consume(key);
    } catch (rejection) {
      if (rejection instanceof RateLimiterRes) {
        const seconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
        throw new DomainError('rate_limited', `Too many ${what}: retry in ${seconds} s`);
      }
      // A protection, not a reason to refuse service while the database recovers (as ApiRateLimiter).
      this.logger.warn({ err: { message: (rejection as Error).message } }, 'public limits: not counted, the store failed');
    }
  }
}
