import { Client } from 'pg';
import { startEmbeddedPostgres } from './embedded-postgres';

export interface PostgresServer {
  /** URL of the `postgres` maintenance database, as a superuser. */
  readonly adminUrl: string;
  /** True when we started an embedded server (and `stop` really stops something). */
  readonly embedded: boolean;
  stop(): Promise<void>;
}

export interface ResolvePostgresOptions {
  /** Where the embedded fallback keeps its cluster (e.g. `.data/postgres`). */
  readonly dataDir: string;
  /** The server to try first; the machine's convention by default. */
  readonly localUrl?: string;
  readonly log?: (line: string) => void;
}

/** The machine's convention: a trust-auth server on the loopback default port. */
export const LOCAL_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

/**
 * Uses the local PostgreSQL when it answers, so nothing is installed on machines that
 * have one; otherwise starts the embedded one from npm so a newcomer needs nothing at all.
 */
export async function resolvePostgres(options: ResolvePostgresOptions): Promise<PostgresServer> {
  const log = options.log ?? (() => undefined);
  const localUrl = options.localUrl ?? LOCAL_POSTGRES_URL;
  try {
    await query(localUrl, 'select 1');
    return { adminUrl: localUrl, embedded: false, stop: async () => undefined };
  } catch (error) {
    log(`no usable PostgreSQL at ${new URL(localUrl).host} (${(error as Error).message}); starting an embedded one`);
  }
  const server = await startEmbeddedPostgres({ dataDir: options.dataDir });
  return { adminUrl: server.adminUrl, embedded: true, stop: server.stop };
}

/** Creates database `name` (owned by the admin user) and returns its URL. */
export async function createDatabase(adminUrl: string, name: string): Promise<string> {
  await query(adminUrl, `create database ${identifier(name)}`);
  return databaseUrl(adminUrl, name);
}

/** Drops database `name` if it exists, closing its sessions first (a pool may linger). */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  const quoted = identifier(name);
  await query(
    adminUrl,
    'select pg_terminate_backend(pid) from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
    [name],
  );
  await query(adminUrl, `drop database if exists ${quoted}`);
}

export function databaseUrl(adminUrl: string, name: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${encodeURIComponent(name)}`;
  return url.toString();
}

/** Names come from our own code, but refuse anything that would need quoting tricks. */
function identifier(name: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(name)) {
    throw new Error(`database name "${name}" must be lower-case letters, digits and _ (max 63)`);
  }
  return `"${name}"`;
}

async function query(url: string, sql: string, params: unknown[] = []): Promise<void> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  client.on('error', () => undefined); // a server shutting down mid-call must not crash us
  try {
    await client.connect();
    await client.query(sql, params);
  } finally {
    await client.end().catch(() => undefined);
  }
}
