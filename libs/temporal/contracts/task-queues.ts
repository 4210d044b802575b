/** Workers scale per task queue: sends and launches on one, mailbox reading on another, retention on a third. */
export const TASK_QUEUES = {
  sequences: 'sequences',
  mailSync: 'mail-sync',
  retention: 'retention',
} as const;

export type TaskQueue = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES];
