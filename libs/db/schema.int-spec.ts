import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { vaultDatabaseUrlFor } from '@relance/config';
import { createDatabase, dropDatabase } from '@relance/devservices';
import { testEnv } from '../../tests/harness/env';
import { createDataSource, createVaultDataSource } from './data-source';
import { runMigrations } from './migrate';
import { MIGRATIONS } from './migrations';
import { VAULT_MIGRATIONS } from './vault-migrations';

/**
 * The schema changes only through migrations, so entities and migrations must agree: on a
 * fresh database, after every migration, TypeORM must find nothing left to change.
 */
describe('database schema', () => {
  const name = `relance_schema_${process.pid}_${Date.now()}`;
  let url: string;

  before(async () => {
    url = await createDatabase(testEnv().adminDatabaseUrl, name);
  });

  after(async () => {
    await dropDatabase(testEnv().adminDatabaseUrl, name);
    await dropDatabase(testEnv().adminDatabaseUrl, `${name}_vault`);
  });

  const vaultUrl = () => vaultDatabaseUrlFor(url);

  it('entities and migrations describe the same schema', async () => {
    const applied = await runMigrations(url);
    assert.ok(applied.length > 0, 'migrations were applied to the fresh database');
    const dataSource = await createDataSource(url, { poolSize: 1 }).initialize();
    try {
      const pending = await dataSource.driver.createSchemaBuilder().log();
      assert.deepEqual(
        pending.upQueries.map((query) => query.query),
        [],
        'the entities differ from the migrated schema: write a migration for the change',
      );
    } finally {
      await dataSource.destroy();
    }
  });

  it('the vault database is created beside it, holds only its own entities, and matches its migrations', async () => {
    const vault = await createVaultDataSource(vaultUrl(), { poolSize: 1 }).initialize();
    try {
      const pending = await vault.driver.createSchemaBuilder().log();
      assert.deepEqual(pending.upQueries.map((query) => query.query), [], 'the vault entities differ from its migrations');
      const tables = await vault.query(`SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`);
      assert.deepEqual(tables.map((t: { table_name: string }) => t.table_name), ['enrichment_provider_keys', 'mailbox_secrets', 'schema_migrations']);
    } finally {
      await vault.destroy();
    }
  });

  it('a second run applies nothing', async () => {
    assert.deepEqual(await runMigrations(url), []);
  });

  it('every migration can be reverted, leaving no table behind', async () => {
    const dataSource = await createDataSource(url, { poolSize: 1 }).initialize();
    try {
      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
      const tables = await dataSource.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
      );
      assert.deepEqual(tables, []);
    } finally {
      await dataSource.destroy();
    }
    const vault = await createVaultDataSource(vaultUrl(), { poolSize: 1 }).initialize();
    try {
      for (let i = 0; i < VAULT_MIGRATIONS.length; i++) await vault.undoLastMigration();
      const tables = await vault.query(
        `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name <> 'schema_migrations'`,
      );
      assert.deepEqual(tables, []);
    } finally {
      await vault.destroy();
    }
  });
});
