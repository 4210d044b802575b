import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { Client } from 'pg';

export interface DatabaseDump {
  /** How it was taken: a pg_dump binary (its path), or the SQL text of every table when none fits the server. */
  tool: string;
  text: string;
}

/**
 * A plain-text dump of a whole database, as an operator's backup would hold it. pg_dump of the
 * server's major version or newer when one is installed (the project's machines have the
 * server's); otherwise (an embedded server with no client tools) every table's rows as text,
 * which is what a dump's COPY sections hold, bytea in the same \x hex.
 */
export async function dumpDatabase(url: string): Promise<DatabaseDump> {
  const serverMajor = await serverMajorVersion(url);
  for (const binary of pgDumpCandidates()) {
    const major = await clientMajorVersion(binary);
    if (major === null || major < serverMajor) continue;
    const { stdout } = await promisify(execFile)(binary, ['--no-password', '--dbname', url], { maxBuffer: 512 * 1024 * 1024 });
    return { tool: binary, text: stdout };
  }
  return { tool: 'SQL text of every table (no pg_dump fits this server)', text: await tablesAsText(url) };
}

function pgDumpCandidates(): string[] {
  let versioned: string[] = [];
  try {
    versioned = readdirSync('/usr/lib/postgresql')
      .sort((a, b) => Number(b) - Number(a))
      .map((version) => `/usr/lib/postgresql/${version}/bin/pg_dump`);
  } catch {
    // No Debian PostgreSQL packages.
  }
  return [...versioned, 'pg_dump'];
}

async function clientMajorVersion(binary: string): Promise<number | null> {
  try {
    const { stdout } = await promisify(execFile)(binary, ['--version']);
    const match = /\(PostgreSQL\) (\d+)/.exec(stdout);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

function serverMajorVersion(url: string): Promise<number> {
  return withClient(url, async (client) => Math.floor(Number((await client.query('SHOW server_version_num')).rows[0].server_version_num) / 10_000));
}

function tablesAsText(url: string): Promise<string> {
  return withClient(url, async (client) => {
    const { rows: tables } = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    const parts: string[] = [];
    for (const { table_name: table } of tables) {
      parts.push(`-- table ${table}`);
      const { rows } = await client.query(`SELECT t::text AS row FROM public.${client.escapeIdentifier(table)} t`);
      parts.push(...rows.map((r) => r.row));
    }
    return parts.join('\n');
  });
}
