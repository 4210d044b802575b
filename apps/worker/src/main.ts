import 'reflect-metadata';
import { ConfigError, loadConfig } from '@relance/config';
import { createLogger } from '@relance/observability';
import { createRelanceWorker } from './relance-worker';
import { installTemporalRuntime, sdkMetricsAddress } from './temporal-runtime';
import { startWorkerHttpServer } from './worker-http-server';

async function main() {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, service: 'worker' });
  const sdkMetrics = await sdkMetricsAddress(config.worker.sdkMetricsPort);
  installTemporalRuntime(logger, { drainOnSignals: true, sdkMetricsAddress: sdkMetrics });
  const worker = await createRelanceWorker(config, logger);
  const http = await startWorkerHttpServer({
    ...config.worker.http,
    metricsToken: config.metrics.token,
    worker,
    sdkMetricsAddress: sdkMetrics,
    logger,
  });
  logger.info(
    { taskQueues: ['sequences', 'mail-sync', 'retention', 'privacy', 'enrichment', 'imports'], metrics: `${http.url}/metrics`, health: `${http.url}/health`, sdkMetrics },
    'worker started',
  );
  try {
    await worker.run();
  } finally {
    await http.close();
  }
  logger.info('worker stopped');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error?.stack ?? error}\n`);
  process.exit(1);
});
