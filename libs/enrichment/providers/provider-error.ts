export type ProviderName = 'hunter' | 'briteverify' | 'zerobounce';

/**
 * A provider call that did not give an answer. `retryable`: worth another attempt (a 429, a
 * 5xx, a timeout, a dropped connection), after `retryAfterMs` when the provider said how long
 * (Retry-After). Anything else (a bad key, a refused parameter, no credits left) will fail
 * the same way again: the activity turns it into a non-retryable failure.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';

  constructor(
    readonly provider: ProviderName,
    /** Ours, stable, for results and logs: e.g. hunter_401, zerobounce_invalid_key, briteverify_timeout. */
    readonly code: string,
    message: string,
    readonly retryable: boolean,
    readonly status: number | null = null,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
  }
}

/** Retry-After as RFC 9110 gives it: delay-seconds or an HTTP-date; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const text = header.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

/**
 * The default reading of an HTTP failure: 429 and 5xx are transient (retry, honouring
 * Retry-After); every other 4xx is the request's own fault and is not retried.
 */
export function httpFailure(provider: ProviderName, status: number, retryAfter: string | null, detail: string): ProviderError {
  const retryable = status === 429 || status >= 500;
  return new ProviderError(provider, `${provider}_${status}`, `${provider} answered ${status}: ${detail}`, retryable, status,
    retryable ? parseRetryAfter(retryAfter) : null);
}
