import { spawn, type ChildProcess } from 'node:child_process';
import { join, resolve } from 'node:path';
import { stopChild, superviseChild } from '@relance/devservices';

/** dist/ of the compiled project, where apps/worker/src/main.js lives. */
const distRoot = resolve(__dirname, '..', '..');
const READY = /worker started/;
const TAIL_CHARS = 20_000;

/**
 * The Relance worker as production runs it: `node dist/apps/worker/src/main.js`, its own
 * process, configured only by its environment. It can be SIGKILLed (a crash: nothing
 * drains) and started again; every incarnation's output is kept (the tail) for reports.
 */
export class WorkerProcess {
  private child: ChildProcess | undefined;
  private output = '';
  private incarnations = 0;

  constructor(private readonly env: NodeJS.ProcessEnv, private readonly readyTimeoutMs = 60_000) {}

  get starts(): number {
    return this.incarnations;
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Spawns a worker and resolves once it polls its task queues. */
  async start(): Promise<void> {
    if (this.running) throw new Error('the worker process is already running');
    this.incarnations += 1;
    this.append(`\n--- worker #${this.incarnations} ---\n`);
    // LOG_LEVEL info: "worker started" is how readiness shows.
    const child = spawn(process.execPath, [join(distRoot, 'apps', 'worker', 'src', 'main.js')], {
      // Port 0: a restarted or second worker never fights over the HTTP port of /metrics and /health.
      env: { ...this.env, LOG_LEVEL: 'info', WORKER_HTTP_PORT: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    superviseChild(child);
    this.child = child;
    let seen = '';
    let waiting = true;
    await new Promise<void>((resolvePromise, reject) => {
      const finish = (error?: Error) => {
        waiting = false;
        clearTimeout(timer);
        child.off('exit', onExit);
        if (!error) return resolvePromise();
        child.kill('SIGKILL');
        reject(error);
      };
      const timer = setTimeout(() => finish(new Error(`worker not ready after ${this.readyTimeoutMs} ms`)), this.readyTimeoutMs);
      const onExit = (code: number | null, signal: NodeJS.Signals | null) =>
        finish(new Error(`worker exited (${code ?? signal}) before it was ready:\n${this.tail(4_000)}`));
      // Drained for the whole life of the process: a full pipe would block the worker.
      const onData = (chunk: Buffer) => {
        const text = chunk.toString('utf8');
        this.append(text);
        if (!waiting) return;
        seen += text;
        if (READY.test(seen)) finish();
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('exit', onExit);
    });
  }

  /** A crash: SIGKILL, no drain, whatever was in flight is abandoned. */
  async kill(): Promise<void> {
    const child = this.child;
    if (!child || !this.running) return;
    const exited = new Promise<void>((resolvePromise) => child.once('exit', () => resolvePromise()));
    child.kill('SIGKILL');
    await exited;
    this.append('\n--- SIGKILL ---\n');
  }

  /** The orderly way out: SIGTERM, the worker drains (WORKER_SHUTDOWN_GRACE), SIGKILL after `graceMs`. */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.child) await stopChild(this.child, { signal: 'SIGTERM', graceMs });
  }

  /** The last `chars` characters the worker processes printed. */
  tail(chars = TAIL_CHARS): string {
    return this.output.slice(-chars);
  }

  private append(text: string): void {
    this.output = (this.output + text).slice(-TAIL_CHARS);
  }
}
