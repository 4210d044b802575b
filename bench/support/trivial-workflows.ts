import { Client } from '@temporalio/client';
import { bundleWorkflowCode, NativeConnection, Worker } from '@temporalio/worker';
import type { TemporalClientHandle } from '../../libs/temporal';
import type { TrivialActivities } from '../workloads/trivial.workflow';
import { pollUntil, runPool } from './measure';

/** Workflow starts in flight at once: the same as Relance's launcher uses. */
export const START_CONCURRENCY = 32;

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

  static async start(options: { address: string; namespace: string; temporal: TemporalClientHandle }): Promise<TrivialWorkflows> {
    const connection = await NativeConnection.connect({ address: options.address });
    const taskQueue = `bench-trivial-${Date.now()}`;
    const activities: TrivialActivities = { noop: async () => undefined };
    const worker = await Worker.create({
      connection,
      namespace: options.namespace,
      taskQueue,
      workflowBundle: await bundleWorkflowCode({
        workflowsPath: require.resolve('../workloads/trivial.workflow'),
        logger: quietBundlerLogger,
      }),
      activities,
    });
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
    const query = `TaskQueue = '${this.taskQueue}' AND WorkflowId STARTS_WITH '${batch}-' AND ExecutionStatus = 'Completed'`;
    await pollUntil(async () => ((await this.client.workflow.count(query)).count >= n ? true : undefined), {
      what: `${n} trivial workflows`,
      signal,
      timeoutMs: 10 * 60_000,
      // Each count is a visibility query on the server under measurement: not too often.
      intervalMs: 100,
    });
    const seconds = (performance.now() - started) / 1000;
    return { seconds, perSecond: n / seconds };
  }

  async stop(): Promise<void> {
    if (this.worker.getState() === 'RUNNING') this.worker.shutdown();
    await this.running.catch(() => undefined);
    await this.connection.close();
  }
}

const noop = () => undefined;
const quietBundlerLogger = { trace: noop, debug: noop, info: noop, warn: noop, error: noop, log: noop };
