import 'reflect-metadata';
import { Runtime } from '@temporalio/worker';
import { ConfigError, loadConfig } from '../../../libs/config';
import { createLogger } from '../../../libs/observability';
import { createRelanceWorker } from './relance-worker';

async function main() {
  const config = loadConfig();
  const logger = createLogger({ level: config.logLevel, service: 'worker' });
  // Workers drain on SIGINT/SIGTERM: polling stops, running activities get the grace time.
  Runtime.install({ shutdownSignals: ['SIGINT', 'SIGTERM'] });
  const worker = await createRelanceWorker(config, logger);
  logger.info({ taskQueues: ['sequences', 'mail-sync'] }, 'worker started');
  await worker.run();
  logger.info('worker stopped');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error?.stack ?? error}\n`);
  process.exit(1);
});
