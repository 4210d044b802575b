import type { RateWindow } from '@relance/config';

/** A token bucket: at most `capacity` calls at once, then `refillPerSecond` a second. */
export interface BucketShape {
  capacity: number;
  refillPerSecond: number;
}

/**
 * The bucket that keeps every documented window: in any span of t seconds a bucket lets through
 * at most capacity + rate × t calls, so with half the smallest window's allowance as capacity,
 * the rate is the largest that still keeps capacity + rate × window ≤ requests for every window
 * (Hunter's 10/s and 300/min → 5 at once, then 4.92/s: ≤ 9.92 in a second, ≤ 300 in a minute).
 */
export function bucketFor(windows: readonly RateWindow[]): BucketShape {
  if (windows.length === 0) throw new Error('a rate limit needs at least one window');
  const capacity = Math.max(1, Math.floor(Math.min(...windows.map((w) => w.requests)) / 2));
  const refillPerSecond = Math.min(...windows.map((w) => (w.requests - capacity) / (w.windowMs / 1000)));
  return { capacity, refillPerSecond };
}
