import { AppConfig, ConfigError, loadConfig } from '@relance/config';
import { createLogger } from '@relance/observability';
import { createApiApp } from './app.factory';

async function main(): Promise<void> {
  let config: AppConfig;
  try {
    config = loadConfig();
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const logger = createLogger({ level: config.logLevel, service: 'api' });
  const app = await createApiApp(config, { logger });
  app.enableShutdownHooks();
  await app.listen(config.api.port, config.api.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.api.port;
  logger.info({ url: `http://${config.api.host}:${port}`, docs: `http://${config.api.host}:${port}/docs` }, 'API listening');
}

main().catch((error: Error) => {
  process.stderr.write(`API failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
