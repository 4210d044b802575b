import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PolicyState, rateLimitedMessage, rateLimitHeaders, secondsUntilReset } from './rate-limit-headers';

const perKey: PolicyState = { name: 'per-key', quota: 600, windowSeconds: 60, remaining: 42, msBeforeReset: 16_200 };
const expensive: PolicyState = { name: 'expensive', quota: 60, windowSeconds: 60, remaining: 3, msBeforeReset: 30_001 };

describe('rate limit headers', () => {
  it('describes one policy in the draft\'s fields and the legacy three', () => {
    assert.deepEqual(rateLimitHeaders([perKey]), {
      'RateLimit-Limit': '600',
      'RateLimit-Remaining': '42',
      'RateLimit-Reset': '17',
      'RateLimit-Policy': '"per-key";q=600;w=60',
      RateLimit: '"per-key";r=42;t=17',
    });
  });

  it('lists every policy, the legacy fields naming the one closest to its limit', () => {
    const headers = rateLimitHeaders([perKey, expensive]);
    assert.equal(headers['RateLimit-Limit'], '60');
    assert.equal(headers['RateLimit-Remaining'], '3');
    assert.equal(headers['RateLimit-Reset'], '31');
    assert.equal(headers['RateLimit-Policy'], '"per-key";q=600;w=60, "expensive";q=60;w=60');
    assert.equal(headers.RateLimit, '"per-key";r=42;t=17, "expensive";r=3;t=31');
  });

  it('never says a negative remainder nor a zero wait', () => {
    const over = { ...perKey, remaining: -5, msBeforeReset: 0 };
    assert.equal(rateLimitHeaders([over])['RateLimit-Remaining'], '0');
    assert.equal(secondsUntilReset(over), 1);
  });

  it('names the limit and when to retry', () => {
    assert.equal(
      rateLimitedMessage({ ...perKey, remaining: 0 }, 'requests'),
      'Rate limit exceeded: 600 requests per 60 s for this API key; retry in 17 s (see Retry-After)',
    );
  });
});
