import { execFile } from 'node:child_process';
import { access, constants } from 'node:fs/promises';
import { promisify } from 'node:util';
import { Client } from 'pg';

const run = promisify(execFile);

/**
 * Finds a PostgreSQL client tool (pg_dump, pg_restore) of the server's major version: a dump
 * of a newer server cannot be read by an older pg_restore, and pg_dump refuses a newer server.
 * Debian keeps each version's tools in /usr/lib/postgresql/<major>/bin; `PATH` is the fallback.
 * The embedded PostgreSQL from npm ships no client tools.
 */
export async function locatePgTool(tool: 'pg_dump' | 'pg_restore', serverUrl: string): Promise<string> {
  const major = await serverMajorVersion(serverUrl);
  const candidates = [`/usr/lib/postgresql/${major}/bin/${tool}`, `/usr/local/pgsql/bin/${tool}`];
  for (const path of candidates) {
    if (await access(path, constants.X_OK).then(() => true, () => false)) return path;
  }
  const { stdout } = await run(tool, ['--version']).catch(() => {
    throw new Error(`${tool} ${major} not found (looked in ${candidates.join(', ')} and PATH): install postgresql-client-${major}`);
  });
  if (!new RegExp(`\\b${major}\\.`).test(stdout)) throw new Error(`${tool} on PATH is "${stdout.trim()}", the server is ${major}`);
  return tool;
}

async function serverMajorVersion(url: string): Promise<number> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT current_setting('server_version_num')::int / 10000 AS major`);
    return rows[0].major;
  } finally {
    await client.end();
  }
}
