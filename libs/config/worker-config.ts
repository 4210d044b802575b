import { z } from 'zod';
import { blankAsUnset, duration, port } from './config-fields';

export interface WorkerConfig {
  readonly shutdownGraceMs: number;
  readonly maxCachedWorkflows: number;
  /** The worker's own HTTP server (/metrics, /health): loopback unless told otherwise; port 0 picks a free one. */
  readonly http: { readonly host: string; readonly port: number };
  /**
   * Port of the Temporal SDK's Prometheus exporter (loopback only); 0 picks a free one. The
   * worker's /metrics reads it and serves its lines beside Relance's own.
   */
  readonly sdkMetricsPort: number;
  /**
   * The task queues this process serves (WORKER_TASK_QUEUES), null for all of them: imports or
   * enrichment can run on processes of their own, sized apart from sending. The worker checks
   * the names against the queues it knows.
   */
  readonly taskQueues: readonly string[] | null;
}

const queueList = z.string().transform((text, context) => {
  const names = text.split(',').map((name) => name.trim()).filter((name) => name !== '');
  if (names.length === 0) context.addIssue({ code: z.ZodIssueCode.custom, message: 'must name at least one task queue' });
  return [...new Set(names)];
});

export const WORKER_FIELDS = {
  WORKER_SHUTDOWN_GRACE: duration('30s', 0),
  WORKER_MAX_CACHED_WORKFLOWS: z.coerce.number().int().min(0).max(100_000).default(500),
  WORKER_HTTP_HOST: z.string().min(1).default('127.0.0.1'),
  WORKER_HTTP_PORT: port(3001),
  WORKER_SDK_METRICS_PORT: port(0),
  WORKER_TASK_QUEUES: z.preprocess(blankAsUnset, queueList.optional()),
};

type WorkerValues = z.infer<z.ZodObject<typeof WORKER_FIELDS>>;

export function workerConfig(v: WorkerValues): WorkerConfig {
  return {
    shutdownGraceMs: v.WORKER_SHUTDOWN_GRACE,
    maxCachedWorkflows: v.WORKER_MAX_CACHED_WORKFLOWS,
    http: { host: v.WORKER_HTTP_HOST, port: v.WORKER_HTTP_PORT },
    sdkMetricsPort: v.WORKER_SDK_METRICS_PORT,
    taskQueues: v.WORKER_TASK_QUEUES ?? null,
  };
}
