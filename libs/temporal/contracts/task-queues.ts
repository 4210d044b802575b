/** Workers scale per task queue: sends and launches on one, mailbox reading on another, retention on a third. */
export const TASK_QUEUES = {
  sequences: 'sequences',
  mailSync: 'mail-sync',
  /** Account exports and closures: long database work apart from sending. */
  privacy: 'privacy',
  retention: 'retention',
  /** Verification and enrichment: provider calls, paced by their rate limits, apart from sending. */
  enrichment: 'enrichment',
  /** CSV imports: long streaming database work, scaled apart from sending. */
  imports: 'imports',
  /** Outbound webhooks: posts to customers' endpoints, some slow or down, apart from sending. */
  webhooks: 'webhooks',
} as const;

export type TaskQueue = (typeof TASK_QUEUES)[keyof typeof TASK_QUEUES];
