import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { runMigrations } from '@relance/db/migrate';
import {
  createDatabase,
  databaseUrl,
  dropDatabase,
  locateTemporalCli,
  resolvePostgres,
  startDovecot,
  startTemporalDevServer,
  type MailUser,
} from '@relance/devservices';
import { logLine, timed } from './logger';

export interface TestServices {
  /** Variables for the test processes (see tests/harness/env.ts). */
  readonly env: Readonly<Record<string, string>>;
  stop(): Promise<void>;
}

interface Undo {
  readonly name: string;
  run(): Promise<void>;
}

export const TEST_MAIL_USERS: readonly MailUser[] = [1, 2, 3, 4].map((n) => ({
  user: `rep${n}@relance.test`,
  password: `imap-pass-${n}`,
}));

/**
 * Starts PostgreSQL (with a fresh migrated database), a headless in-memory Temporal dev
 * server and Dovecot, in parallel; the tests and the benchmarks both run on these. When one
 * fails, the others are stopped before the error propagates; stop() undoes whatever was
 * started, best effort.
 */
export async function startTestServices(options: {
  projectRoot: string;
  workDir: string;
  /** Start of the fresh database's name (the benchmarks use their own). */
  databasePrefix?: string;
}): Promise<TestServices> {
  // One undo list per service, undone in parallel; within a list in reverse (the test
  // database is dropped before its server stops).
  const undo = { postgres: [] as Undo[], temporal: [] as Undo[], dovecot: [] as Undo[] };
  const stop = async () => {
    await Promise.all(
      Object.values(undo).map(async (steps) => {
        for (const { name, run } of steps.reverse()) {
          await timed(`stopped ${name}`, run).catch((error) => logLine(`stopping ${name} failed: ${error.message}`));
        }
      }),
    );
  };

  const database = async () => {
    const server = await timed(
      'PostgreSQL',
      () => resolvePostgres({ dataDir: join(options.workDir, 'postgres'), log: logLine }),
      (pg) => (pg.embedded ? `embedded at ${redact(pg.adminUrl)}` : `local at ${redact(pg.adminUrl)}`),
    );
    undo.postgres.push({ name: 'PostgreSQL', run: server.stop });
    const name = `${options.databasePrefix ?? 'relance_test'}_${Date.now()}_${process.pid}`;
    const url = await timed(`database ${name} created`, () => createDatabase(server.adminUrl, name));
    undo.postgres.push({ name: `database ${name}`, run: () => dropDatabase(server.adminUrl, name) });
    // The vault's database is created by the migrations, as in production (its default name).
    const vaultName = `${name}_vault`;
    undo.postgres.push({ name: `database ${vaultName}`, run: () => dropDatabase(server.adminUrl, vaultName) });
    const vaultUrl = databaseUrl(server.adminUrl, vaultName);
    await timed('migrations', () => runMigrations(url, vaultUrl), (names) => `${names.length} applied`);
    return { adminUrl: server.adminUrl, url, vaultUrl };
  };
  const temporal = async () => {
    const cliPath = process.env.TEMPORAL_CLI_PATH || undefined;
    const cli = await locateTemporalCli({ projectRoot: options.projectRoot, cliPath, log: logLine });
    const server = await timed(
      'Temporal dev server',
      () => startTemporalDevServer({ cli, ui: false, logFile: join(options.workDir, 'temporal.log') }),
      (t) => `at ${t.address}`,
    );
    undo.temporal.push({ name: 'Temporal dev server', run: server.stop });
    return { ...server, cli };
  };
  const dovecot = async () => {
    const server = await timed('Dovecot', () => startDovecot({ users: TEST_MAIL_USERS }), (d) =>
      `IMAP ${d.host}:${d.imapPort}, LMTP ${d.lmtpPort}`,
    );
    undo.dovecot.push({ name: 'Dovecot', run: server.stop });
    return server;
  };

  const [db, tmp, mail] = await Promise.allSettled([database(), temporal(), dovecot()]);
  if (db.status === 'rejected' || tmp.status === 'rejected' || mail.status === 'rejected') {
    await stop();
    const reasons = [db, tmp, mail].flatMap((r) => (r.status === 'rejected' ? [(r.reason as Error).message] : []));
    throw new Error(`test services failed to start:\n${reasons.join('\n\n')}`);
  }
  const env = {
    DATABASE_URL: db.value.url,
    VAULT_DATABASE_URL: db.value.vaultUrl,
    TEST_ADMIN_DATABASE_URL: db.value.adminUrl,
    TEMPORAL_ADDRESS: tmp.value.address,
    TEMPORAL_NAMESPACE: 'default',
    // For a test that needs a Temporal server of its own (other server settings).
    TEST_TEMPORAL_CLI: tmp.value.cli,
    TEMPORAL_PAYLOAD_KEYS: freshKeyRing(),
    VAULT_MASTER_KEYS: freshKeyRing(),
    TOKEN_SIGNING_KEYS: freshKeyRing(),
    SUPPRESSION_HASH_KEY: randomBytes(32).toString('base64'),
    PRIVACY_CERTIFICATE_KEYS: freshKeyRing(),
    TEST_IMAP_HOST: mail.value.host,
    TEST_IMAP_PORT: String(mail.value.imapPort),
    TEST_LMTP_PORT: String(mail.value.lmtpPort),
    TEST_IMAP_USERS: JSON.stringify(mail.value.users),
    TEST_IMAP_USERS_FILE: mail.value.usersFile,
  };
  return { env, stop };
}

/** A one-key ring in the format libs/config parses ("id:base64 of 32 bytes"). */
function freshKeyRing(): string {
  return `t1:${randomBytes(32).toString('base64')}`;
}

function redact(url: string): string {
  return url.replace(/:[^:@/]+@/, ':***@');
}
