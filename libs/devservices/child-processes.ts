import type { ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

/**
 * Keeps the service processes we start from outliving us. On a normal or error exit the
 * registered actions run (synchronously: nothing async runs in an 'exit' handler), e.g.
 * SIGTERM to each live child. A SIGINT/SIGTERM/SIGHUP only triggers that exit when nobody
 * else listens for it: a launcher or test runner with its own handler keeps control of
 * the shutdown order.
 */
const exitActions = new Set<() => void>();
let hooksInstalled = false;

export function ensureExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', () => {
    for (const action of exitActions) {
      try {
        action();
      } catch {
        // the process is already gone: nothing left to stop
      }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      if (process.listenerCount(signal) > 1) return;
      process.exit(128 + constants.signals[signal]);
    });
  }
}

/** Runs `action` when this process exits; returns a function that cancels it. */
export function onProcessExit(action: () => void): () => void {
  ensureExitHooks();
  exitActions.add(action);
  return () => exitActions.delete(action);
}

export function superviseChild(child: ChildProcess): void {
  const forget = onProcessExit(() => child.kill('SIGTERM'));
  child.once('exit', forget);
}

export function hasExited(child: ChildProcess): boolean {
  return child.exitCode !== null || child.signalCode !== null;
}

/** Sends `signal`, waits up to `graceMs` for the exit, then SIGKILLs. */
export async function stopChild(
  child: ChildProcess,
  { signal = 'SIGTERM', graceMs = 10_000 }: { signal?: NodeJS.Signals; graceMs?: number } = {},
): Promise<void> {
  if (hasExited(child)) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill(signal);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(true), graceMs);
  });
  const late = await Promise.race([exited.then(() => false), timedOut]);
  clearTimeout(timer);
  if (late && !hasExited(child)) {
    child.kill('SIGKILL');
    await exited;
  }
}
