import { readFile } from 'node:fs/promises';

export interface WaitOptions {
  /** What we wait for, for the timeout message ("Temporal frontend on 127.0.0.1:7233"). */
  readonly what: string;
  readonly timeoutMs: number;
  readonly intervalMs?: number;
  /** Returns a reason to give up at once (the process died), or undefined to keep waiting. */
  readonly abortReason?: () => string | undefined;
}

/** Polls `probe` until it returns true; rejects with the last probe error on timeout. */
export async function waitUntil(probe: () => Promise<boolean>, options: WaitOptions): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let lastError = 'not ready';
  for (;;) {
    const aborted = options.abortReason?.();
    if (aborted) throw new Error(`${options.what}: ${aborted}`);
    try {
      if (await probe()) return;
    } catch (error) {
      lastError = (error as Error).message;
    }
    if (Date.now() >= deadline) {
      throw new Error(`${options.what}: not ready after ${options.timeoutMs} ms (last error: ${lastError})`);
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 100));
  }
}

/** The last lines of a log file, for error messages; empty when it cannot be read. */
export async function logTail(path: string, lines = 30): Promise<string> {
  const text = await readFile(path, 'utf8').catch(() => '');
  return text.trimEnd().split('\n').slice(-lines).join('\n');
}
