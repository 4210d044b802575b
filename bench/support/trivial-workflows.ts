import { Client } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import type { TemporalClientHandle } from '@relance/temporal';
import type { TrivialActivities } from '../workloads/trivial.workflow';
import { pollUntil, runPool } from './measure';

/** Workflow starts in flight at once: the same as Relance's launcher uses. */
export const START_CONCURRENCY = 32;

export interface TrivialServer {
  address: string;
  namespace: string;
  temporal: TemporalClientHandle;
}

export interface TrivialRun {
  readonly seconds: number;
  readonly perSecond: number;
}

/**
 * Runs trivial one-activity workflows on their own task queue, with a worker in this process
 * left at the SDK's defaults (as Relance's are) and a plain data converter. The time runs
 * from the first start to the moment visibility counts the n-th one completed.
 */
export class TrivialWorkflows {
  private constructor(
    private readonly worker: Worker,
    private readonly connection: NativeConnection,
    private readonly client: Client,
    private readonly taskQueue: string,
    private readonly running: Promise<void>,
  ) {}

  static async start(options: TrivialServer): Promise<TrivialWorkflows> {
    const connection = await NativeConnection.connect({ address: options.address });
    const taskQueue = `bench-trivial-${Date.now()}`;
    const worker = await createTrivialWorker(connection, options.namespace, taskQueue);
    const running = worker.run();
    running.catch(() => undefined);
    const client = new Client({ connection: options.temporal.client.connection, namespace: options.namespace });
    return new TrivialWorkflows(worker, connection, client, taskQueue, running);
  }

  private batch = 0;

  async run(n: number, signal: AbortSignal): Promise<TrivialRun> {
    const batch = `${this.taskQueue}-${++this.batch}`;
    const started = performance.now();
    await runPool([...Array(n).keys()], START_CONCURRENCY, async (i) => {
      if (signal.aborted) return;
      await this.client.workflow.start('trivialWorkflow', { workflowId: `${batch}-${i}`, taskQueue: this.taskQueue, args: [] });
    });
    await waitForCompleted(this.client, this.taskQueue, batch, n, signal);
    const seconds = (performance.now() - started) / 1000;
    return { seconds, perSecond: n / seconds };
  }

  async stop(): Promise<void> {
    if (this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running.catch(() => undefined);
    await this.connection.close();
  }
}

/**
 * Temporal's own ceiling for the send pipeline's shape: n workflows started while no worker
 * polls, then a fresh worker run and timed until visibility counts all n completed.
 * - `trivialWorkflow`: one no-op activity each, the least an email sent by an activity of its
 *   prospect's workflow can cost;
 * - `emptyWorkflow`: done in its first workflow task, the least any design can cost where
 *   each email passes through its prospect's workflow at all.
 */
export async function drainStartedWorkflows(
  server: TrivialServer,
  options: { n: number; workflowType: 'trivialWorkflow' | 'emptyWorkflow'; signal: AbortSignal },
): Promise<TrivialRun> {
  const { n, workflowType, signal } = options;
  const taskQueue = `bench-drain-${workflowType}-${Date.now()}`;
  const client = new Client({ connection: server.temporal.client.connection, namespace: server.namespace });
  await runPool([...Array(n).keys()], START_CONCURRENCY, async (i) => {
    if (signal.aborted) return;
    await client.workflow.start(workflowType, { workflowId: `${taskQueue}-${i}`, taskQueue, args: [] });
  });
  const connection = await NativeConnection.connect({ address: server.address });
  try {
    const worker = await createTrivialWorker(connection, server.namespace, taskQueue);
    const started = performance.now();
    const running = worker.run();
    running.catch(() => undefined);
    try {
      await waitForCompleted(client, taskQueue, taskQueue, n, signal);
    } finally {
      worker.shutdown();
      await running.catch(() => undefined);
    }
    const seconds = (performance.now() - started) / 1000;
    return { seconds, perSecond: n / seconds };
  } finally {
    await connection.close();
  }
}

let bundle: ReturnType<typeof bundleWorkflowCode> | undefined;

/** A worker at the SDK's defaults (as Relance's are), with a plain data converter. */
async function createTrivialWorker(connection: NativeConnection, namespace: string, taskQueue: string): Promise<Worker> {
  const activities: TrivialActivities = { noop: async () => undefined };
  bundle ??= bundleWorkflowCode({
    workflowsPath: require.resolve('../workloads/trivial.workflow'),
    logger: quietBundlerLogger,
  });
  return Worker.create({ connection, namespace, taskQueue, workflowBundle: await bundle, activities });
}

async function waitForCompleted(client: Client, taskQueue: string, idPrefix: string, n: number, signal: AbortSignal) {
  const query = `TaskQueue = '${taskQueue}' AND WorkflowId STARTS_WITH '${idPrefix}-' AND ExecutionStatus = 'Completed'`;
  await pollUntil(async () => ((await client.workflow.count(query)).count >= n ? true : undefined), {
    what: `${n} workflows on ${taskQueue}`,
    signal,
    timeoutMs: 10 * 60_000,
    // Each count is a visibility query on the server under measurement: not too often.
    intervalMs: 100,
  });
}

const noop = () => undefined;
const quietBundlerLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop };
