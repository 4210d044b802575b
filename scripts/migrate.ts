import { ConfigError, loadDatabaseUrls } from '@relance/config';
import { runMigrations } from '@relance/db';

/** `npm run migrate`: applies pending migrations to VAULT_DATABASE_URL (created when missing), then DATABASE_URL. */
async function main() {
  const urls = loadDatabaseUrls();
  const applied = await runMigrations(urls.main, urls.vault);
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error?.stack ?? error}\n`);
  process.exit(1);
});
