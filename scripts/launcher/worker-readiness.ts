import type { ChildProcess } from 'node:child_process';
import { Connection } from '@temporalio/client';
import { temporal } from '@temporalio/proto';
import { waitUntil } from '@relance/devservices/wait-until';
import { TASK_QUEUES } from '@relance/temporal/contracts';

/**
 * Resolves once the worker process `worker` polls every task queue, so "ready" means a
 * launched campaign sends and a reply is read at once. Pollers are told apart by the SDK's
 * default identity, `<pid>@<host>`: the pollers of a worker from an earlier start linger in
 * Temporal's answer for a minute and must not count.
 */
export async function waitForWorker(
  worker: ChildProcess,
  temporalAddress: string,
  namespace: string,
  timeoutMs = 60_000,
): Promise<void> {
  const connection = await Connection.connect({ address: temporalAddress });
  try {
    await waitUntil(async () => {
      for (const name of Object.values(TASK_QUEUES)) {
        const { pollers } = await connection.workflowService.describeTaskQueue({
          namespace,
          taskQueue: { name },
          taskQueueType: temporal.api.enums.v1.TaskQueueType.TASK_QUEUE_TYPE_WORKFLOW,
        });
        if (!pollers?.some((poller) => poller.identity?.startsWith(`${worker.pid}@`))) return false;
      }
      return true;
    }, {
      what: 'the worker polling its task queues',
      timeoutMs,
      intervalMs: 250,
      abortReason: () => (worker.exitCode !== null ? `the worker exited with code ${worker.exitCode}` : undefined),
    });
  } finally {
    await connection.close();
  }
}
