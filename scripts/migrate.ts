import { ConfigError, loadDatabaseUrl } from '@relance/config';
import { runMigrations } from '@relance/db';

/** `npm run migrate`: applies pending migrations to DATABASE_URL. */
async function main() {
  const applied = await runMigrations(loadDatabaseUrl());
  process.stdout.write(applied.length ? `applied: ${applied.join(', ')}\n` : 'schema is up to date\n');
}

main().catch((error) => {
  process.stderr.write(`${error instanceof ConfigError ? error.message : error?.stack ?? error}\n`);
  process.exit(1);
});
