import { join } from 'node:path';
import { Client } from 'pg';
import {
  createDatabase, databaseUrl, getFreePort, isPortFree, locateTemporalCli, resolvePostgres, startTemporalDevServer,
} from '@relance/devservices';
import type { LauncherEnv } from '@relance/config';

export interface Service {
  stop(): Promise<void>;
}

type Log = (line: string) => void;

const DATABASE_NAME = 'relance';

/** DATABASE_URL when given; else the local server on :5432; else an embedded PostgreSQL. */
export async function providePostgres(env: LauncherEnv, dataDir: string, log: Log) {
  if (env.databaseUrl) return { url: env.databaseUrl, service: undefined };
  const server = await resolvePostgres({ dataDir: join(dataDir, 'postgres'), log });
  log(server.embedded ? 'PostgreSQL: embedded, data in .data/postgres' : 'PostgreSQL: the local server on 127.0.0.1:5432');
  const url = (await databaseExists(server.adminUrl, DATABASE_NAME))
    ? databaseUrl(server.adminUrl, DATABASE_NAME)
    : await createDatabase(server.adminUrl, DATABASE_NAME);
  return { url, service: server as Service };
}

/**
 * TEMPORAL_ADDRESS when given; else the Temporal CLI dev server, state in .data/temporal.db, its
 * Web UI decoding payloads through the console's codec endpoint (`codecEndpoint`, <console>/codec).
 */
export async function provideTemporal(env: LauncherEnv, root: string, dataDir: string, log: Log, codecEndpoint: string) {
  if (env.temporalAddress) return { address: env.temporalAddress, uiUrl: env.temporalUiUrl, service: undefined };
  const cli = await locateTemporalCli({ projectRoot: root, cliPath: env.temporalCliPath, log });
  log(`Temporal: dev server from ${cli}`);
  const server = await startTemporalDevServer({
    cli,
    dbFilename: join(dataDir, 'temporal.db'),
    ui: true,
    port: await preferredPort(7233),
    uiPort: await preferredPort(8233),
    uiCodecEndpoint: codecEndpoint,
    logFile: join(dataDir, 'temporal.log'),
  });
  return { address: server.address, uiUrl: server.uiUrl, service: server as Service };
}

/** Temporal's usual ports when free, so bookmarks keep working; any free port otherwise. */
export async function preferredPort(port: number): Promise<number> {
  return (await isPortFree(port)) ? port : getFreePort();
}

async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const result = await client.query('select 1 from pg_database where datname = $1', [name]);
    return result.rowCount === 1;
  } finally {
    await client.end();
  }
}
