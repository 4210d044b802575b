import { performance } from 'node:perf_hooks';

/**
 * How much slower `work` gets when its input grows fourfold: about 4 when it is linear, 16 when
 * quadratic. A ratio, not a duration, so a busy machine (two suites at once, CI) does not fail
 * it: the two sizes are timed in alternation, several rounds, and each keeps its fastest run,
 * the least disturbed one; alternating spreads a burst of load or a collection over both sizes.
 */
export function fourfoldGrowth(work: (size: number) => void, size: number, rounds = 5): number {
  const best = { small: Infinity, large: Infinity };
  const time = (n: number) => {
    const started = performance.now();
    work(n);
    return performance.now() - started;
  };
  for (let round = 0; round < rounds; round++) {
    best.small = Math.min(best.small, time(size));
    best.large = Math.min(best.large, time(size * 4));
  }
  return best.large / Math.max(best.small, 0.01);
}
