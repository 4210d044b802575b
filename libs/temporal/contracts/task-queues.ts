/** Workers scale per task queue: sends and launches on one, mailbox reading on another. */
export const TASK_QUEUES = {
  sequences: 'sequences',
  mailSync: 'mail-sync',
  /** Account exports and closures (and, later, privacy requests): long database work apart from sending. */
  privacy: 'privacy',
} as const;

export type TaskQueue = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES];
