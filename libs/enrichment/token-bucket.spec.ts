import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseRateLimit } from '@relance/config';
import { bucketFor } from './token-bucket';

/** The most calls a bucket lets through in any span of `seconds`. */
const most = (shape: { capacity: number; refillPerSecond: number }, seconds: number) => shape.capacity + shape.refillPerSecond * seconds;

describe('bucketFor', () => {
  it('keeps both of Hunter\'s windows (10 a second, 300 a minute)', () => {
    const shape = bucketFor(parseRateLimit('10/1s,300/1m'));
    assert.equal(shape.capacity, 5);
    assert.ok(most(shape, 1) <= 10, `≤ 10 in a second, not ${most(shape, 1)}`);
    assert.ok(most(shape, 60) <= 300, `≤ 300 in a minute, not ${most(shape, 60)}`);
    assert.ok(shape.refillPerSecond > 4.5, 'and uses most of the allowance');
  });

  it('keeps a single window (BriteVerify 500 a minute, ZeroBounce 50,000 in 10 s)', () => {
    for (const [limit, requests, seconds] of [['500/1m', 500, 60], ['50000/10s', 50_000, 10]] as const) {
      const shape = bucketFor(parseRateLimit(limit));
      assert.ok(most(shape, seconds) <= requests, limit);
      assert.ok(shape.refillPerSecond > 0, limit);
    }
  });
});

describe('parseRateLimit', () => {
  it('reads requests per window', () => {
    assert.deepEqual(parseRateLimit('10/1s, 300/1m'), [{ requests: 10, windowMs: 1000 }, { requests: 300, windowMs: 60_000 }]);
  });

  it('refuses what it cannot read, naming the part', () => {
    assert.throws(() => parseRateLimit('ten per second'), /"ten per second" is not <requests>\/<window>/);
    assert.throws(() => parseRateLimit('1/1s'), /at least 2 requests/);
  });
});
