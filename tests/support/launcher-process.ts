import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(__dirname, '..', '..', '..');

export interface LauncherProcess {
  readonly child: ChildProcess;
  output(): string;
  /** Ctrl-C, as a user would press it; resolves with the exit code. */
  interrupt(): Promise<number | null>;
}

/**
 * Runs the compiled launcher (`npm start` without the build) with `env` over this process's
 * environment (undefined removes a variable), and resolves once it prints that it is ready.
 */
export async function startLauncher(
  env: Record<string, string | undefined>,
  timeoutMs = 90_000,
): Promise<LauncherProcess> {
  const merged: NodeJS.ProcessEnv = { ...process.env, ...env };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete merged[name];
  const child = spawn(process.execPath, [join(root, 'dist/scripts/start.js')], { env: merged, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<number | null>((resolveExit) => child.once('exit', (code) => resolveExit(code)));
  await new Promise<void>((resolveReady, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGINT'); // it stops what it started so far
      reject(new Error(`npm start not ready after ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (/Ctrl-C stops everything/.test(output)) {
        clearTimeout(timer);
        resolveReady();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`npm start exited with ${code} before it was ready:\n${output}`));
    });
  });
  return {
    child,
    output: () => output,
    interrupt: () => {
      child.kill('SIGINT');
      return exited;
    },
  };
}
