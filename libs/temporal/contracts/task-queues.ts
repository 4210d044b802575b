/** Workers scale per task queue: sends and launches on one, mailbox reading on another. */
export const TASK_QUEUES = {
  sequences: 'sequences',
  mailSync: 'mail-sync',
} as const;

export type TaskQueue = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES];
