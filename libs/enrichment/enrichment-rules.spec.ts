import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factsToFill } from './prospect-facts';
import { httpFailure, parseRetryAfter } from './providers/provider-error';

describe('factsToFill', () => {
  it('fills only the empty fields, never what the rep entered', () => {
    const fill = factsToFill({ position: 'Head of Sales', company: null, country: '  ' }, { position: 'CTO', company: 'Acme Corp', country: 'FR' });
    assert.deepEqual(fill, { company: 'Acme Corp', country: 'FR' });
  });

  it('ignores blank facts', () => {
    assert.deepEqual(factsToFill({ position: null, company: null, country: null }, { position: ' ', company: '' }), {});
  });
});

describe('provider failures', () => {
  it('retries 429 and 5xx, after Retry-After when given; not other 4xx', () => {
    const throttled = httpFailure('zerobounce', 429, '3', 'slow down');
    assert.equal(throttled.retryable, true);
    assert.equal(throttled.retryAfterMs, 3000);
    assert.equal(httpFailure('briteverify', 503, null, 'down').retryable, true);
    const refused = httpFailure('briteverify', 401, '3', 'bad key');
    assert.equal(refused.retryable, false);
    assert.equal(refused.retryAfterMs, null);
    assert.equal(refused.code, 'briteverify_401');
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.parse('2026-12-07T10:00:00Z');
    assert.equal(parseRetryAfter('120', now), 120_000);
    assert.equal(parseRetryAfter('Mon, 07 Dec 2026 10:00:30 GMT', now), 30_000);
    assert.equal(parseRetryAfter('soon', now), null);
    assert.equal(parseRetryAfter(null, now), null);
  });
});
