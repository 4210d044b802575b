/** Small helpers every benchmark uses: waiting (interruptibly), percentiles, progress lines. */

export class Interrupted extends Error {
  constructor() {
    super('interrupted');
    this.name = 'Interrupted';
  }
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(new Interrupted());
    const onAbort = () => {
      clearTimeout(timer);
      reject(new Interrupted());
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/**
 * Calls `probe` every `intervalMs` until it returns something other than undefined.
 * `progress` (when given) is logged every 10 s, so a long wait shows where it stands.
 */
export async function pollUntil<T>(
  probe: () => Promise<T | undefined>,
  options: {
    what: string;
    signal: AbortSignal;
    timeoutMs: number;
    intervalMs: number;
    progress?: () => Promise<string>;
  },
): Promise<T> {
  const started = Date.now();
  let nextProgress = started + 10_000;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    const now = Date.now();
    if (now - started > options.timeoutMs) {
      const state = options.progress ? ` (${await options.progress()})` : '';
      throw new Error(`${options.what}: not done after ${Math.round(options.timeoutMs / 1000)} s${state}`);
    }
    if (options.progress && now >= nextProgress) {
      progressLine(`  … ${options.what}: ${await options.progress()}`);
      nextProgress = now + 10_000;
    }
    await sleep(options.intervalMs, options.signal);
  }
}

/**
 * How long a wait for `n` enrollments or messages may take before the benchmark gives up:
 * a net for a stuck run, far above any rate seen (about 10/s on a busy 2-core machine).
 */
export function safetyTimeoutMs(n: number): number {
  return 120_000 + n * 500;
}

/** Nearest-rank percentile of an unsorted list (p in 0..100). */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1];
}

/** Progress goes to stderr: stdout carries only the results. */
export function progressLine(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

/** Calls `task` for every item, in order, with at most `concurrency` calls in flight. */
export async function runPool<T>(items: readonly T[], concurrency: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const item = items[next++];
      await task(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, lane));
}
