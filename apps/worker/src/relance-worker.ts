import { NestFactory } from '@nestjs/core';
import { NativeConnection, Worker, type WorkerOptions } from '@temporalio/worker';
import type { INestApplicationContext } from '@nestjs/common';
import { Client } from '@temporalio/client';
import {
  createAccountActivities, createControlActivities, createEnrichmentActivities, createImportActivities, createLaunchActivities,
  createMailSyncActivities, createPrivacyActivities, createRetentionActivities, createSequenceActivities, createSubprocessorActivities,
  createWebhookActivities,
} from '../../../activities';
import type { AppConfig } from '@relance/config';
import { ConditionRepository, EnrollmentRepository, TaskRepository } from '@relance/db';
import { ProspectEnrichment } from '@relance/enrichment';
import { ImportRunner } from '@relance/imports/import-runner';
import { MailboxSync } from '@relance/mailboxes';
import { PrivacyRequestExecutor, PrivacyRequestLifecycle } from '@relance/privacy/requests';
import { NestPinoLogger, probe, PROBE_TIMEOUT_MS, WorkerMetrics, type DependencyCheck, type Logger } from '@relance/observability';
import { DataSource } from 'typeorm';
import { AccountClosureService, AccountExportService } from '@relance/privacy/accounts';
import { ensureRetentionSchedules, RetentionJobs } from '@relance/privacy/retention';
import { CampaignControl, CampaignLauncher } from '@relance/sequencing';
import { StepSender } from '@relance/sending';
import { SubprocessorNotices } from '@relance/subprocessors';
import { createDataConverter, TASK_QUEUES, type TaskQueue } from '@relance/temporal';
import { WebhookDeliverer, WebhookFacts } from '@relance/webhooks';
import { countActivities, metricsSinks } from './worker-counters';
import { heartbeatWhileRunning } from './heartbeat-while-running';
import { servedTaskQueues } from './served-task-queues';
import { relanceWorkflowBundle } from './workflow-bundle';
import { WorkerModule } from './worker.module';

export interface RelanceWorker {
  /** Resolves once every worker has drained and stopped. */
  run(): Promise<void>;
  /** Stops polling, lets running activities finish (up to the grace time), closes resources. */
  shutdown(): void;
  /** Relance's counters in this worker (served on /metrics). */
  readonly metrics: WorkerMetrics;
  /** Whether its database answers, its Temporal connection answers and every worker polls. */
  health(): Promise<WorkerHealth>;
}

export interface WorkerHealth {
  status: 'ok' | 'error';
  checks: { postgres: DependencyCheck; temporal: DependencyCheck; workers: { status: 'up' | 'down'; states: Record<string, string> } };
}

/**
 * Builds the Temporal workers of Relance: one per task queue, sharing a connection, the
 * workflow bundle and the encrypting data converter.
 */
export async function createRelanceWorker(config: AppConfig, logger: Logger): Promise<RelanceWorker> {
  const metrics = new WorkerMetrics();
  const app: INestApplicationContext = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, logger, metrics), {
    logger: new NestPinoLogger(logger),
  });
  const connection = await NativeConnection.connect({ address: config.temporal.address });
  const workflowBundle = await relanceWorkflowBundle();
  const common = {
    connection,
    namespace: config.temporal.namespace,
    workflowBundle,
    dataConverter: createDataConverter(config),
    shutdownGraceTime: config.worker.shutdownGraceMs,
    // The SDK sizes this cache from the heap limit (thousands here); each cached workflow
    // keeps its isolate state, so 10,000 waiting enrollments would hold over a GiB.
    maxCachedWorkflows: config.worker.maxCachedWorkflows,
    sinks: metricsSinks(metrics),
  };
  const counted = countActivities(metrics);
  const sequenceActivities = createSequenceActivities({
    enrollments: app.get(EnrollmentRepository),
    stepSender: app.get(StepSender),
    conditions: app.get(ConditionRepository),
    tasks: app.get(TaskRepository),
    webhooks: app.get(WebhookFacts),
  });
  // What each task queue's worker runs; WORKER_TASK_QUEUES may leave some to other processes.
  const queues: Record<TaskQueue, Omit<WorkerOptions, keyof typeof common | 'taskQueue'>> = {
    [TASK_QUEUES.sequences]: {
      activities: {
        ...sequenceActivities,
        ...createLaunchActivities({ launcher: app.get(CampaignLauncher) }),
        ...createControlActivities({ campaignControl: app.get(CampaignControl) }),
        ...createPrivacyActivities({
          lifecycle: app.get(PrivacyRequestLifecycle), executor: app.get(PrivacyRequestExecutor), webhooks: app.get(WebhookFacts),
        }),
      },
      // Activities with a heartbeat timeout beat while they run: see heartbeat-while-running.ts.
      interceptors: { activity: [heartbeatWhileRunning, counted] },
    },
    [TASK_QUEUES.mailSync]: {
      activities: createMailSyncActivities({ mailboxSync: app.get(MailboxSync) }),
      interceptors: { activity: [counted] },
    },
    [TASK_QUEUES.retention]: {
      activities: createRetentionActivities({ jobs: app.get(RetentionJobs) }),
      interceptors: { activity: [heartbeatWhileRunning, counted] },
    },
    [TASK_QUEUES.privacy]: {
      activities: {
        ...createAccountActivities({ exports: app.get(AccountExportService), closures: app.get(AccountClosureService) }),
        ...createSubprocessorActivities({ notices: app.get(SubprocessorNotices) }),
      },
      interceptors: { activity: [counted] },
    },
    [TASK_QUEUES.enrichment]: {
      activities: createEnrichmentActivities({ enrichment: app.get(ProspectEnrichment) }),
      interceptors: { activity: [counted] },
    },
    [TASK_QUEUES.imports]: {
      activities: createImportActivities({ runner: app.get(ImportRunner), webhooks: app.get(WebhookFacts) }),
      // No heartbeatWhileRunning: the import heartbeats its own checkpoint after each batch.
      interceptors: { activity: [counted] },
    },
    [TASK_QUEUES.webhooks]: {
      activities: createWebhookActivities({ deliverer: app.get(WebhookDeliverer) }),
      interceptors: { activity: [counted] },
    },
  };
  const served = servedTaskQueues(config.worker.taskQueues);
  const workers = await Promise.all(served.map((taskQueue) => Worker.create({ ...common, taskQueue, ...queues[taskQueue] })));
  // Every worker start makes sure the schedules exist (fixed ids: never a second one) with its interval.
  try {
    await ensureRetentionSchedules(app.get(Client), config.retention.intervalMs);
  } catch (error) {
    await connection.close();
    await app.close();
    throw error;
  }
  return {
    async run() {
      try {
        await Promise.all(workers.map((worker) => worker.run()));
      } finally {
        await connection.close();
        await app.close();
      }
    },
    shutdown() {
      for (const worker of workers) if (worker.getState() === 'RUNNING') worker.shutdown();
      // A mailbox sync waits in IMAP IDLE for up to the sync interval: end it now, not at the grace time.
      if (served.includes(TASK_QUEUES.mailSync)) app.get(MailboxSync).stopWaiting();
    },
    metrics,
    async health() {
      const database = app.get(DataSource);
      const [postgres, temporal] = await Promise.all([
        probe(() => database.query('SELECT 1')),
        probe(() => connection.withDeadline(Date.now() + PROBE_TIMEOUT_MS, () => connection.healthService.check({}))),
      ]);
      const states = Object.fromEntries(workers.map((worker) => [worker.options.taskQueue, worker.getState()]));
      const polling = Object.values(states).every((state) => state === 'RUNNING');
      const ok = postgres.status === 'up' && temporal.status === 'up' && polling;
      return { status: ok ? 'ok' : 'error', checks: { postgres, temporal, workers: { status: polling ? 'up' : 'down', states } } };
    },
  };
}
