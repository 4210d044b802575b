import type { INestApplication } from '@nestjs/common';
import type { DestinationStream } from 'pino';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.factory';
import { bootstrapAccount } from '../../apps/api/src/auth/bootstrap-account';
import { createRelanceWorker, RelanceWorker } from '../../apps/worker/src/relance-worker';
import { installTemporalRuntime, sdkMetricsAddress } from '../../apps/worker/src/temporal-runtime';
import { startWorkerHttpServer } from '../../apps/worker/src/worker-http-server';
import { AppConfig, loadConfig } from '@relance/config';
import { createDataSource, createVaultDataSource } from '@relance/db';
import { createLogger } from '@relance/observability';
import { connectTemporalClient, mailboxSyncWorkflowId, TemporalClientHandle } from '@relance/temporal';
import { imapUser, testEnv } from '../harness/env';
import { startSmtpCapture, SmtpCapture } from '../harness/smtp-capture';
import { ApiClient } from './api-client';

/**
 * The whole of Relance in the test process, on the harness's real services: the HTTP API
 * on a free port, the Temporal worker, an SMTP server receiving what it sends.
 */
export interface RelanceStack {
  config: AppConfig;
  api: ApiClient;
  apiUrl: string;
  /** The worker's HTTP server (/metrics, /health), on a free loopback port. */
  workerUrl: string;
  smtp: SmtpCapture;
  dataSource: DataSource;
  /** The vault's own database (mailbox credentials). */
  vaultDataSource: DataSource;
  temporal: TemporalClientHandle;
  /** A fresh account and its API client. */
  newAccount(name: string): Promise<{ accountId: string; api: ApiClient; apiKey: string }>;
  /**
   * Connects the n-th Dovecot user as a mailbox of `api`'s account, sending through the test
   * SMTP server; its sync workflow is ended by stop(). Returns the mailbox id.
   */
  connectMailbox(api: ApiClient, userNumber: number, extra?: Record<string, unknown>): Promise<string>;
  stop(): Promise<void>;
}

export async function startRelanceStack(
  options: {
    env?: NodeJS.ProcessEnv;
    /** Variables for the worker only, on top of `env` (a worker configured unlike the API). */
    workerEnv?: NodeJS.ProcessEnv;
    /** Variables for the API only, on top of `env` (e.g. its own way to Temporal). */
    apiEnv?: NodeJS.ProcessEnv;
    smtp?: Parameters<typeof startSmtpCapture>[0];
    /** Where the worker's and the API's logs go (stdout by default), for tests that read them. */
    logs?: DestinationStream;
  } = {},
): Promise<RelanceStack> {
  // A short grace: at the end of a test, waiting activities (IMAP IDLE) are cancelled quickly.
  const env = { ...process.env, WORKER_SHUTDOWN_GRACE: '2s', ...options.env };
  const config = loadConfig(env);
  const workerConfig = options.workerEnv ? loadConfig({ ...env, ...options.workerEnv }) : config;
  const apiConfig = options.apiEnv ? loadConfig({ ...env, ...options.apiEnv }) : config;
  const logger = createLogger({ level: config.logLevel, service: 'test-worker', destination: options.logs });
  const sdkMetrics = await sdkMetricsAddress(0);
  installTemporalRuntime(logger, { drainOnSignals: false, sdkMetricsAddress: sdkMetrics });
  const smtp = await startSmtpCapture(options.smtp);
  const worker: RelanceWorker = await createRelanceWorker(workerConfig, logger);
  const running = worker.run();
  const workerHttp = await startWorkerHttpServer({
    host: '127.0.0.1', port: 0, metricsToken: workerConfig.metrics.token, worker, sdkMetricsAddress: sdkMetrics, logger,
  });
  const app: INestApplication = await createApiApp(apiConfig, {
    logger: options.logs && createLogger({ level: config.logLevel, service: 'test-api', destination: options.logs }),
  });
  await app.listen(0, '127.0.0.1');
  const apiUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const dataSource = await createDataSource(config.database.url, { poolSize: 2 }).initialize();
  const vaultDataSource = await createVaultDataSource(config.vault.databaseUrl, { poolSize: 1 }).initialize();
  const temporal = await connectTemporalClient(config);

  const newAccount = async (name: string) => {
    const account = await bootstrapAccount(dataSource, {
      accountName: name,
      ownerEmail: `owner@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.test`,
      ownerName: 'Owner',
    });
    return { accountId: account.accountId, api: new ApiClient(apiUrl, account.apiKey), apiKey: account.apiKey };
  };
  const mailboxIds: string[] = [];
  const connectMailbox = async (api: ApiClient, userNumber: number, extra: Record<string, unknown> = {}) => {
    const rep = imapUser(userNumber);
    const { imap } = testEnv();
    const created = await api.post('/v1/mailboxes', {
      email: rep.user,
      smtp: { host: smtp.host, port: smtp.port, username: rep.user, password: 'smtp-secret' },
      imap: { host: imap.host, port: imap.port, username: rep.user, password: rep.password },
      ...extra,
    });
    if (created.status !== 201) throw new Error(`mailbox not created: ${created.status} ${JSON.stringify(created.body)}`);
    mailboxIds.push(created.body.id);
    return created.body.id as string;
  };
  const first = await newAccount('Acme');
  return {
    config,
    api: first.api,
    apiUrl,
    workerUrl: workerHttp.url,
    smtp,
    dataSource,
    vaultDataSource,
    temporal,
    newAccount,
    connectMailbox,
    async stop() {
      // Mailbox syncs run until their mailbox is gone: end them, or the next suite's worker inherits them.
      for (const id of mailboxIds) {
        await temporal.client.workflow.getHandle(mailboxSyncWorkflowId(id)).terminate('test over').catch(() => undefined);
      }
      await app.close();
      await workerHttp.close();
      worker.shutdown();
      await running;
      await smtp.stop();
      await temporal.close();
      await dataSource.destroy();
      await vaultDataSource.destroy();
    },
  };
}
