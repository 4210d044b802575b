import type { INestApplication } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { createApiApp } from '../../apps/api/src/app.factory';
import { bootstrapAccount } from '../../apps/api/src/auth/bootstrap-account';
import { createRelanceWorker, type RelanceWorker } from '../../apps/worker/src/relance-worker';
import { installTemporalRuntime } from '../../apps/worker/src/temporal-runtime';
import { type AppConfig, loadConfig } from '@relance/config';
import { createDataSource } from '@relance/db';
import type { MailUser } from '@relance/devservices';
import { createLogger, type Logger } from '@relance/observability';
import { connectTemporalClient, type TemporalClientHandle } from '@relance/temporal';
import { ApiClient } from '../../tests/support/api-client';

/** What the benchmarks get from the services the runner started. */
export interface BenchServices {
  /** DATABASE_URL, TEMPORAL_ADDRESS, keys… as the harness hands them to test processes. */
  readonly env: Readonly<Record<string, string>>;
  readonly imap: { readonly host: string; readonly port: number };
  readonly mailUsers: readonly MailUser[];
}

/**
 * Variables of the Relance processes under measurement (in-process and the separate worker).
 * Production defaults everywhere, except: a sync interval long enough that only IMAP IDLE
 * can explain a fast reply detection, and a short shutdown grace between benchmarks.
 */
export function relanceEnv(services: BenchServices): NodeJS.ProcessEnv {
  return {
    ...process.env,
    ...services.env,
    NODE_ENV: 'production',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    MAILBOX_SYNC_INTERVAL: '60s',
    WORKER_SHUTDOWN_GRACE: '2s',
    // The benchmark's mail servers listen on loopback.
    MAIL_PRIVATE_HOSTS: 'allow',
    // Fixtures create prospects by the thousand through one key: they measure Relance, not its limiter.
    API_RATE_LIMIT: process.env.API_RATE_LIMIT ?? '1000000',
    API_RATE_LIMIT_EXPENSIVE: process.env.API_RATE_LIMIT_EXPENSIVE ?? '1000000',
  };
}

/** An in-process Relance worker: built (workflow bundle included) before run() is timed. */
export interface InProcessWorker {
  run(): void;
  stop(): Promise<void>;
}

/**
 * Relance in the benchmark process: the HTTP API on a free loopback port, a database
 * connection and a Temporal client for the benchmarks' own look-ups, and in-process
 * workers on demand (one per benchmark, stopped at its end, so none polls while the next
 * one sets up).
 */
export class BenchStack {
  private constructor(
    readonly services: BenchServices,
    readonly config: AppConfig,
    readonly logger: Logger,
    private readonly app: INestApplication,
    readonly apiUrl: string,
    readonly db: DataSource,
    readonly temporal: TemporalClientHandle,
  ) {}

  static async start(services: BenchServices): Promise<BenchStack> {
    const config = loadConfig(relanceEnv(services));
    const logger = createLogger({ level: config.logLevel, service: 'bench' });
    // Process-wide, once: every in-process worker of the run shares it.
    installTemporalRuntime(logger, { drainOnSignals: false });
    const app = await createApiApp(config, { logger });
    await app.listen(0, '127.0.0.1');
    const apiUrl = (await app.getUrl()).replace('[::1]', '127.0.0.1');
    const db = await createDataSource(config.database.url, { poolSize: 4, applicationName: 'relance-bench' }).initialize();
    const temporal = await connectTemporalClient(config);
    return new BenchStack(services, config, logger, app, apiUrl, db, temporal);
  }

  /** A fresh account (the bench's own tenant) and an API client holding its key. */
  async newAccount(name: string): Promise<{ accountId: string; api: ApiClient }> {
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, '-');
    const account = await bootstrapAccount(this.db, { accountName: name, ownerEmail: `owner@${slug}.bench`, ownerName: 'Owner' });
    return { accountId: account.accountId, api: new ApiClient(this.apiUrl, account.apiKey) };
  }

  async createWorker(): Promise<InProcessWorker> {
    const worker: RelanceWorker = await createRelanceWorker(this.config, this.logger);
    let running: Promise<void> | undefined;
    return {
      run: () => {
        running = worker.run();
        // Reported by stop(); an unobserved rejection must not end the process meanwhile.
        running.catch(() => undefined);
      },
      stop: async () => {
        // A worker never run still holds a Nest context and a connection: run() closes them.
        running ??= worker.run();
        worker.shutdown();
        await running;
      },
    };
  }

  async stop(): Promise<void> {
    await this.app.close();
    await this.temporal.close();
    await this.db.destroy();
  }
}
