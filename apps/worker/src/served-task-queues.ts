import { TASK_QUEUES, type TaskQueue } from '@relance/temporal';

/**
 * The task queues a worker process serves: every one when WORKER_TASK_QUEUES is unset, else
 * the ones it names, refused at start-up when one is not a queue of Relance.
 */
export function servedTaskQueues(names: readonly string[] | null): TaskQueue[] {
  const known: readonly string[] = Object.values(TASK_QUEUES);
  if (names === null) return [...(known as TaskQueue[])];
  const unknown = names.filter((name) => !known.includes(name));
  if (unknown.length > 0) {
    throw new Error(
      `WORKER_TASK_QUEUES names ${unknown.map((name) => `"${name}"`).join(', ')}, which Relance does not have: ` +
        `its task queues are ${known.join(', ')}`,
    );
  }
  return names as TaskQueue[];
}
