import type { INestApplication } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.factory';
import { bootstrapAccount } from '../../apps/api/src/auth/bootstrap-account';
import { createRelanceWorker, RelanceWorker } from '../../apps/worker/src/relance-worker';
import { installTemporalRuntime } from '../../apps/worker/src/temporal-runtime';
import { AppConfig, loadConfig } from '../../libs/config';
import { createDataSource } from '../../libs/db';
import { createLogger } from '../../libs/observability';
import { connectTemporalClient, TemporalClientHandle } from '../../libs/temporal';
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
  smtp: SmtpCapture;
  dataSource: DataSource;
  temporal: TemporalClientHandle;
  /** A fresh account and its API client. */
  newAccount(name: string): Promise<{ accountId: string; api: ApiClient }>;
  stop(): Promise<void>;
}

export async function startRelanceStack(
  options: { env?: NodeJS.ProcessEnv; smtp?: Parameters<typeof startSmtpCapture>[0] } = {},
): Promise<RelanceStack> {
  // A short grace: at the end of a test, waiting activities (IMAP IDLE) are cancelled quickly.
  const config = loadConfig({ ...process.env, WORKER_SHUTDOWN_GRACE: '2s', ...options.env });
  const logger = createLogger({ level: config.logLevel, service: 'test-worker' });
  installTemporalRuntime(logger, { drainOnSignals: false });
  const smtp = await startSmtpCapture(options.smtp);
  const worker: RelanceWorker = await createRelanceWorker(config, logger);
  const running = worker.run();
  const app: INestApplication = await createApiApp(config);
  await app.listen(0, '127.0.0.1');
  const apiUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
  const dataSource = await createDataSource(config.database.url, { poolSize: 2 }).initialize();
  const temporal = await connectTemporalClient(config);

  const newAccount = async (name: string) => {
    const account = await bootstrapAccount(dataSource, {
      accountName: name,
      ownerEmail: `owner@${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}.test`,
      ownerName: 'Owner',
    });
    return { accountId: account.accountId, api: new ApiClient(apiUrl, account.apiKey) };
  };
  const first = await newAccount('Acme');
  return {
    config,
    api: first.api,
    apiUrl,
    smtp,
    dataSource,
    temporal,
    newAccount,
    async stop() {
      await app.close();
      worker.shutdown();
      await running;
      await smtp.stop();
      await temporal.close();
      await dataSource.destroy();
    },
  };
}
