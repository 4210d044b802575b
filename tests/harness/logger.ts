/** Harness progress lines go to stderr so test output on stdout stays clean. */
export function logLine(message: string): void {
  process.stderr.write(`[harness] ${message}\n`);
}

/** Runs `task`, then logs "<label> (<ms> ms)" with whatever detail the result gives. */
export async function timed<T>(label: string, task: () => Promise<T>, detail?: (value: T) => string): Promise<T> {
  const started = performance.now();
  const value = await task();
  const ms = Math.round(performance.now() - started);
  logLine(`${label}${detail ? ` ${detail(value)}` : ''} (${ms} ms)`);
  return value;
}
