import { ConfigError, loadConfig, loadConsoleConfig, loadDatabaseUrl, loadStaffLoginConfig } from '@relance/config';
import { createDataSource } from '@relance/db/data-source';
import { createLogger } from '@relance/observability';
import { createConsoleApp } from './console-app';

/** The staff console (AdminJS), on its own port (CONSOLE_PORT), never the public API's. */
async function main(): Promise<void> {
  const started = performance.now();
  let settings;
  try {
    settings = { config: loadConsoleConfig(), login: loadStaffLoginConfig(), app: loadConfig(), databaseUrl: loadDatabaseUrl() };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
  const { config, login, app: appConfig, databaseUrl } = settings;
  const logger = createLogger({ level: config.logLevel, service: 'console' });
  const dataSource = await createDataSource(databaseUrl, { poolSize: 5, applicationName: 'relance-console' }).initialize();
  const app = await createConsoleApp({ config, login, app: appConfig, dataSource, logger });
  app.enableShutdownHooks();
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info({ url: `http://${config.host}:${port}/admin`, startMs: Math.round(performance.now() - started) }, 'console listening');
}

main().catch((error: Error) => {
  process.stderr.write(`console failed to start: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
