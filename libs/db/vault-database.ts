import { Client, escapeIdentifier } from 'pg';

/** PostgreSQL's "database does not exist". */
const UNDEFINED_DATABASE = '3D000';

/**
 * Creates the vault's database when it does not exist yet, so the default (`<main>_vault` on the
 * same server) needs nothing done by hand. Asks the server through the main database when both
 * are on the same server with the same login (that login may reach no other database), else
 * through the vault server's `postgres` database.
 */
export async function ensureVaultDatabase(vaultUrl: string, mainUrl: string): Promise<boolean> {
  if (await databaseAnswers(vaultUrl)) return false;
  const vault = new URL(vaultUrl);
  const main = new URL(mainUrl);
  const sameServer = vault.host === main.host && vault.username === main.username;
  const via = sameServer ? mainUrl : Object.assign(new URL(vaultUrl), { pathname: '/postgres' }).toString();
  const name = decodeURIComponent(vault.pathname.replace(/^\//, ''));
  const client = new Client({ connectionString: via, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query(`CREATE DATABASE ${escapeIdentifier(name)}`);
  } catch (error) {
    // Another process (a second migrate) created it meanwhile: that is what was wanted.
    if ((error as { code?: string }).code === '42P04') return false;
    throw new Error(
      `the vault database "${name}" does not exist and could not be created (${(error as Error).message}): ` +
        'create it, or point VAULT_DATABASE_URL at one',
    );
  } finally {
    await client.end().catch(() => undefined);
  }
  return true;
}

async function databaseAnswers(url: string): Promise<boolean> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === UNDEFINED_DATABASE) return false;
    throw error;
  } finally {
    await client.end().catch(() => undefined);
  }
}
