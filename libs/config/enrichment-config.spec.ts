import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config';
import { problemsOf, requiredEnv } from './config-spec-env';

describe('configuration of verification and enrichment', () => {
  it('defaults: the providers\' own endpoints and documented limits, the system\'s DNS', () => {
    assert.deepEqual(loadConfig(requiredEnv()).enrichment, {
      hunter: { baseUrl: 'https://api.hunter.io', rateLimit: [{ requests: 10, windowMs: 1000 }, { requests: 300, windowMs: 60_000 }] },
      briteverify: { baseUrl: 'https://bpi.briteverify.com', rateLimit: [{ requests: 500, windowMs: 60_000 }] },
      zerobounce: { baseUrl: 'https://api.zerobounce.net', rateLimit: [{ requests: 50_000, windowMs: 10_000 }] },
      dnsServers: null,
      dnsTimeoutMs: 5000,
      httpTimeoutMs: 15_000,
    });
  });

  it('maps every variable', () => {
    const { enrichment } = loadConfig({
      ...requiredEnv(),
      ENRICHMENT_HUNTER_URL: 'http://hunter.internal:8080/',
      ENRICHMENT_HUNTER_RATE_LIMIT: '5/1s,100/1m',
      ENRICHMENT_BRITEVERIFY_URL: 'http://briteverify.internal',
      ENRICHMENT_BRITEVERIFY_RATE_LIMIT: '250/1m',
      ENRICHMENT_ZEROBOUNCE_URL: 'https://api-eu.zerobounce.net',
      ENRICHMENT_ZEROBOUNCE_RATE_LIMIT: '1000/10s',
      ENRICHMENT_DNS_SERVERS: '10.0.0.53, [::1]:5353',
      ENRICHMENT_DNS_TIMEOUT: '2s',
      ENRICHMENT_HTTP_TIMEOUT: '20s',
    });
    assert.deepEqual(enrichment, {
      hunter: { baseUrl: 'http://hunter.internal:8080', rateLimit: [{ requests: 5, windowMs: 1000 }, { requests: 100, windowMs: 60_000 }] },
      briteverify: { baseUrl: 'http://briteverify.internal', rateLimit: [{ requests: 250, windowMs: 60_000 }] },
      zerobounce: { baseUrl: 'https://api-eu.zerobounce.net', rateLimit: [{ requests: 1000, windowMs: 10_000 }] },
      dnsServers: ['10.0.0.53', '[::1]:5353'],
      dnsTimeoutMs: 2000,
      httpTimeoutMs: 20_000,
    });
  });

  it('refuses malformed values, naming the variable', () => {
    assert.deepEqual(problemsOf({ ENRICHMENT_HUNTER_RATE_LIMIT: 'fast' }), ['ENRICHMENT_HUNTER_RATE_LIMIT "fast" is not <requests>/<window>, e.g. 10/1s']);
    assert.deepEqual(problemsOf({ ENRICHMENT_DNS_SERVERS: '10.0.0.53,bad server' }), ['ENRICHMENT_DNS_SERVERS "bad server" is not an address or address:port']);
    assert.deepEqual(problemsOf({ ENRICHMENT_ZEROBOUNCE_URL: 'ftp://x' }), ['ENRICHMENT_ZEROBOUNCE_URL must be an http(s) URL']);
  });
});
