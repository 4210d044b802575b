import { ProviderError, type ProviderName } from './provider-error';

export interface ProviderResponse {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or null when there was none or it was not JSON. */
  body: unknown;
}

/**
 * One HTTP call to a provider with a deadline. A timeout or a network failure is a retryable
 * ProviderError; the status is for the adapter to read (each provider documents its own).
 * Never logs: URLs carry the address being verified and, for some providers, the key.
 */
export async function providerCall(
  provider: ProviderName, url: URL, init: RequestInit & { timeoutMs: number },
): Promise<ProviderResponse> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(init.timeoutMs), redirect: 'error' });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError';
    throw new ProviderError(provider, timedOut ? `${provider}_timeout` : `${provider}_unreachable`,
      timedOut ? `${provider} did not answer within ${init.timeoutMs} ms` : `${provider} could not be reached`, true);
  }
  const text = await response.text().catch(() => '');
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = null;
  }
  return { status: response.status, headers: response.headers, body };
}

/** A field of a JSON object, or undefined. */
export function field(value: unknown, name: string): unknown {
  return value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
}

export const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
export const num = (value: unknown): number | null => (typeof value === 'number' && Number.isFinite(value) ? value : null);
