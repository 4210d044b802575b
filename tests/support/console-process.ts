import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { getFreePort, stopChild } from '@relance/devservices';
import { childProcessEnv, testEnv } from '../harness/env';

const root = resolve(__dirname, '..', '..', '..');

export interface RunningConsole {
  readonly url: string;
  /** From spawn to /health answering 200. */
  readonly startMs: number;
  output(): string;
  stop(): Promise<void>;
}

/**
 * The compiled console (dist/apps/console/src/main.js) as `npm start` runs it, on a free port
 * against the test database, built for production (AdminJS bundles its components at start).
 */
export async function startConsole(overrides: Record<string, string> = {}, timeoutMs = 30_000): Promise<RunningConsole> {
  const port = await getFreePort();
  const adminJsDir = mkdtempSync(join(tmpdir(), 'relance-adminjs-'));
  const started = performance.now();
  const child = spawn(process.execPath, [join(root, 'dist/apps/console/src/main.js')], {
    env: childProcessEnv({
      DATABASE_URL: testEnv().databaseUrl,
      CONSOLE_PORT: String(port),
      CONSOLE_SESSION_SECRET: randomBytes(32).toString('base64url'),
      ADMIN_JS_TMP_DIR: adminJsDir,
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      ...overrides,
    }),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk));
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    await stopChild(child, { graceMs: 5_000 });
    rmSync(adminJsDir, { recursive: true, force: true });
  };
  try {
    await healthy(`${url}/health`, child, timeoutMs, () => output);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, startMs: Math.round(performance.now() - started), output: () => output, stop };
}

async function healthy(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the console exited with code ${child.exitCode}:\n${output()}`);
    const ok = await fetch(url).then((response) => response.ok, () => false);
    if (ok) return;
    await new Promise((resolveWait) => setTimeout(resolveWait, 50));
  }
  throw new Error(`the console did not answer ${url} within ${timeoutMs} ms:\n${output()}`);
}
