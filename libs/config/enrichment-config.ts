import { z } from 'zod';
import { blankAsUnset, duration, webUrl } from './config-fields';
import { parseDuration } from './duration';

/** One documented limit: at most `requests` in any `windowMs`. */
export interface RateWindow {
  readonly requests: number;
  readonly windowMs: number;
}

/** A provider's limits as the providers document them (several windows may apply together). */
export interface ProviderSettings {
  readonly baseUrl: string;
  readonly rateLimit: readonly RateWindow[];
}

/**
 * Verification and enrichment: where each provider's API is (tests point these at loopback
 * stubs), its documented rate limits per API key, and the DNS servers the built-in verifier
 * asks for MX records (host or host:port; unset: the system's).
 */
export interface EnrichmentConfig {
  readonly hunter: ProviderSettings;
  readonly briteverify: ProviderSettings;
  readonly zerobounce: ProviderSettings;
  readonly dnsServers: readonly string[] | null;
  readonly dnsTimeoutMs: number;
  readonly httpTimeoutMs: number;
}

/** "10/1s,300/1m": requests per window, each window a duration. */
export function parseRateLimit(text: string): RateWindow[] {
  return text.split(',').map((part) => {
    const match = /^\s*(\d+)\s*\/\s*(\S+)\s*$/.exec(part);
    if (!match) throw new Error(`"${part.trim()}" is not <requests>/<window>, e.g. 10/1s`);
    const requests = Number(match[1]);
    if (requests < 2) throw new Error(`"${part.trim()}": at least 2 requests per window`);
    return { requests, windowMs: parseDuration(match[2]) };
  });
}

const rateLimit = (fallback: string) =>
  z.string().default(fallback).transform((text, ctx) => {
    try {
      return parseRateLimit(text);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  });

const HOST_PORT = /^(\[[0-9a-f:.]+\]|[^\s:,[\]]+)(:\d{1,5})?$/i;

const dnsServers = z.preprocess(blankAsUnset, z.string().transform((text, ctx) => {
  const servers = text.split(',').map((server) => server.trim());
  const bad = servers.find((server) => !HOST_PORT.test(server));
  if (bad !== undefined) ctx.addIssue({ code: 'custom', message: `"${bad}" is not an address or address:port` });
  return servers;
}).optional());

/**
 * Defaults are the providers' documented limits and endpoints:
 * - Hunter (API v2): Email Verifier 10 requests/s and 300/min per key, Email Finder and Domain
 *   Search 15/s and 500/min: one bucket per key at the Verifier's, the strictest.
 * - BriteVerify real-time API: 500 verifications per key per minute.
 * - ZeroBounce /v2/validate: 50,000 requests in 10 seconds (beyond it, blocked for a minute).
 */
export const ENRICHMENT_FIELDS = {
  ENRICHMENT_HUNTER_URL: webUrl().default('https://api.hunter.io'),
  ENRICHMENT_HUNTER_RATE_LIMIT: rateLimit('10/1s,300/1m'),
  ENRICHMENT_BRITEVERIFY_URL: webUrl().default('https://bpi.briteverify.com'),
  ENRICHMENT_BRITEVERIFY_RATE_LIMIT: rateLimit('500/1m'),
  ENRICHMENT_ZEROBOUNCE_URL: webUrl().default('https://api.zerobounce.net'),
  ENRICHMENT_ZEROBOUNCE_RATE_LIMIT: rateLimit('50000/10s'),
  ENRICHMENT_DNS_SERVERS: dnsServers,
  ENRICHMENT_DNS_TIMEOUT: duration('5s', 10),
  ENRICHMENT_HTTP_TIMEOUT: duration('15s', 100),
};

type Parsed = z.output<z.ZodObject<typeof ENRICHMENT_FIELDS>>;

export function enrichmentConfig(v: Parsed): EnrichmentConfig {
  const base = (url: string) => url.replace(/\/+$/, '');
  return {
    hunter: { baseUrl: base(v.ENRICHMENT_HUNTER_URL), rateLimit: v.ENRICHMENT_HUNTER_RATE_LIMIT },
    briteverify: { baseUrl: base(v.ENRICHMENT_BRITEVERIFY_URL), rateLimit: v.ENRICHMENT_BRITEVERIFY_RATE_LIMIT },
    zerobounce: { baseUrl: base(v.ENRICHMENT_ZEROBOUNCE_URL), rateLimit: v.ENRICHMENT_ZEROBOUNCE_RATE_LIMIT },
    dnsServers: v.ENRICHMENT_DNS_SERVERS ?? null,
    dnsTimeoutMs: v.ENRICHMENT_DNS_TIMEOUT,
    httpTimeoutMs: v.ENRICHMENT_HTTP_TIMEOUT,
  };
}
