import 'reflect-metadata';
import { ConfigError, loadConfig } from '@relance/config';
import { createLogger } from '@relance/observability';
import { createRelanceWorker } from './relance-worker';
import { installTemporalRuntime } from './temporal-runtime';

async function main() {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, service: 'worker' });
  installTemporalRuntime(logger, { drainOnSignals: true });
  const worker = await createRelanceWorker(config, logger);
  logger.info({ taskQueues: ['sequences', 'mail-sync', 'retention'] }, 'worker started');
  await worker.run();
  logger.info('worker stopped');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error?.stack ?? error}\n`);
  process.exit(1);
});
