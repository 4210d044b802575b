import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { temporal } from '@temporalio/proto';
import { stopChild, superviseChild } from '@relance/devservices';
import { TASK_QUEUES, type TaskQueue } from '@relance/temporal';
import { relanceEnv, type BenchStack } from './bench-stack';
import { pollUntil } from './measure';

/** Resident memory of a process, from /proc/<pid>/status. */
export interface Memory {
  /** VmRSS: resident now. */
  readonly rssBytes: number;
  /** VmHWM: the most it has been resident. */
  readonly peakBytes: number;
}

/** The production worker, `node dist/apps/worker/src/main.js`, as a process of its own. */
export class WorkerProcess {
  private constructor(private readonly child: ChildProcess, readonly logFile: string) {}

  get pid(): number {
    return this.child.pid!;
  }

  /** `taskQueues`: WORKER_TASK_QUEUES, the queues it serves (all of them by default). */
  static async start(
    stack: BenchStack,
    options: { projectRoot: string; workDir: string; signal: AbortSignal; taskQueues?: readonly TaskQueue[] },
  ) {
    const logFile = join(options.workDir, 'worker.log');
    const taskQueues = options.taskQueues ?? [TASK_QUEUES.sequences, TASK_QUEUES.mailSync];
    const logFd = openSync(logFile, 'a');
    // Own process group: a Ctrl-C reaches the runner, which stops it in order.
    const child = spawn(process.execPath, [join(options.projectRoot, 'dist', 'apps', 'worker', 'src', 'main.js')], {
      // Port 0: two workers of the scale-out run never fight over the port of /metrics and /health.
      env: { ...relanceEnv(stack.services), WORKER_HTTP_PORT: '0', ...(options.taskQueues && { WORKER_TASK_QUEUES: options.taskQueues.join(',') }) },
      stdio: ['ignore', logFd, logFd],
      detached: true,
    });
    closeSync(logFd);
    superviseChild(child);
    const worker = new WorkerProcess(child, logFile);
    try {
      await worker.waitUntilPolling(stack, taskQueues, options.signal);
    } catch (error) {
      await worker.stop();
      throw new Error(`${(error as Error).message}\n--- ${logFile} ---\n${await worker.logTail()}`);
    }
    return worker;
  }

  memory(): Promise<Memory> {
    return readMemory(this.pid);
  }

  async stop(): Promise<void> {
    await stopChild(this.child, { graceMs: 10_000 });
  }

  async logTail(): Promise<string> {
    const text = await readFile(this.logFile, 'utf8').catch(() => '');
    return text.trimEnd().split('\n').slice(-20).join('\n');
  }

  /** Ready once the server has seen this process poll each of `taskQueues`. */
  private async waitUntilPolling(stack: BenchStack, taskQueues: readonly TaskQueue[], signal: AbortSignal): Promise<void> {
    // The SDK's default identity is "<pid>@<hostname>".
    const identity = `${this.pid}@${hostname()}`;
    const polls = async (taskQueue: string) => {
      const response = await stack.temporal.client.workflowService.describeTaskQueue({
        namespace: stack.config.temporal.namespace,
        taskQueue: { name: taskQueue, kind: temporal.api.enums.v1.TaskQueueKind.TASK_QUEUE_KIND_NORMAL },
        taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
      });
      return (response.pollers ?? []).some((poller) => poller.identity === identity);
    };
    await pollUntil(
      async () => {
        if (this.child.exitCode !== null || this.child.signalCode !== null) {
          throw new Error(`the worker process exited with ${this.child.exitCode ?? this.child.signalCode}`);
        }
        for (const taskQueue of taskQueues) if (!(await polls(taskQueue))) return undefined;
        return true;
      },
      { what: 'worker process polling', signal, timeoutMs: 60_000, intervalMs: 200 },
    );
  }
}

export async function readMemory(pid: number): Promise<Memory> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { rssBytes: kib('VmRSS') * 1024, peakBytes: kib('VmHWM') * 1024 };
}
