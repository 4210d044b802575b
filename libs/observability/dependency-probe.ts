/** One dependency's answer to a health probe. */
export interface DependencyCheck {
  status: 'up' | 'down';
  /** Round trip of the probe, in ms. */
  latencyMs: number;
  /** Why the probe failed. */
  error?: string;
}

/** Long enough for a loaded server, short enough for a load balancer's probe. */
export const PROBE_TIMEOUT_MS = 2_000;

/** Runs `call` with a time limit and says whether the dependency answered, and how fast. */
export async function probe(call: () => Promise<unknown>, timeoutMs = PROBE_TIMEOUT_MS): Promise<DependencyCheck> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([call(), timeout]);
    return { status: 'up', latencyMs: elapsed(started) };
  } catch (error) {
    return { status: 'down', latencyMs: elapsed(started), error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
