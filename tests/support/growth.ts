import { performance } from 'node:perf_hooks';

/**
 * How much slower `work` gets when its input grows fourfold: about 4 when it is linear, 16 when
 * quadratic. A ratio, not a duration, so a busy machine (two suites at once, CI) does not fail
 * it: each size is timed a few times and the fastest kept, which is the least disturbed.
 */
export function fourfoldGrowth(work: (size: number) => void, size: number, runs = 3): number {
  const fastest = (n: number) => {
    let best = Infinity;
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      work(n);
      best = Math.min(best, performance.now() - started);
    }
    return Math.max(best, 0.01);
  };
  return fastest(size * 4) / fastest(size);
}
