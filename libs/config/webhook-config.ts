import { z } from 'zod';
import { duration } from './config-fields';

/**
 * Outbound webhooks: how long one POST may take, how Temporal retries a failed delivery
 * (exponential backoff from `retryInitialMs`, doubling up to `retryMaxIntervalMs`, for
 * `retryForMs` in all: three days by default), and after how many failed deliveries in a row
 * an endpoint is disabled and its account's owner told. Where a URL may lead (this machine, a
 * private network) follows MAIL_PRIVATE_HOSTS; https is required in production.
 */
export interface WebhookConfig {
  readonly attemptTimeoutMs: number;
  readonly retryInitialMs: number;
  readonly retryMaxIntervalMs: number;
  readonly retryForMs: number;
  readonly disableAfterFailures: number;
}

export const WEBHOOK_FIELDS = {
  WEBHOOK_ATTEMPT_TIMEOUT: duration('10s', 100),
  WEBHOOK_RETRY_INITIAL: duration('5s', 10),
  WEBHOOK_RETRY_MAX_INTERVAL: duration('6h', 10),
  WEBHOOK_RETRY_FOR: duration('3d', 100),
  WEBHOOK_DISABLE_AFTER: z.coerce.number().int().min(1).max(10_000).default(10),
};

type Parsed = z.output<z.ZodObject<typeof WEBHOOK_FIELDS>>;

export function webhookConfig(v: Parsed): WebhookConfig {
  return {
    attemptTimeoutMs: v.WEBHOOK_ATTEMPT_TIMEOUT,
    retryInitialMs: v.WEBHOOK_RETRY_INITIAL,
    retryMaxIntervalMs: Math.max(v.WEBHOOK_RETRY_MAX_INTERVAL, v.WEBHOOK_RETRY_INITIAL),
    retryForMs: v.WEBHOOK_RETRY_FOR,
    disableAfterFailures: v.WEBHOOK_DISABLE_AFTER,
  };
}
