import { ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { stopChild, superviseChild } from '@relance/devservices';
import { maskEmailAddresses } from '@relance/observability/redaction';

/**
 * Runs one of Relance's processes, its output prefixed with its name. Its logs are redacted
 * already; what else reaches stderr (a crash's stack trace) gets its addresses masked here.
 */
export function startAppProcess(name: string, script: string, env: NodeJS.ProcessEnv): ChildProcess {
  const child = spawn(process.execPath, [script], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  superviseChild(child);
  for (const stream of [child.stdout, child.stderr]) {
    createInterface({ input: stream! }).on('line', (line) => process.stdout.write(`[${name}] ${maskEmailAddresses(line)}\n`));
  }
  return child;
}

export function stopAppProcess(child: ChildProcess): Promise<void> {
  return stopChild(child, { graceMs: 35_000 });
}

/** Polls /health until the app (the API unless named) answers 200, or fails naming the last problem. */
export async function waitForHealthy(url: string, child: ChildProcess, timeoutMs = 60_000, name = 'the API'): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let last = 'no answer yet';
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`${name} exited with code ${child.exitCode}`);
    try {
      const response = await fetch(url);
      if (response.ok) return;
      last = `HTTP ${response.status}: ${await response.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`${name} was not healthy after ${timeoutMs / 1000}s (${last})`);
}
