import { vaultDatabaseUrlFor } from '@relance/config/config';
import { createDataSource, createVaultDataSource } from './data-source';
import { moveSecretsToVault } from './secrets-to-vault';
import { ensureVaultDatabase } from './vault-database';

/**
 * Brings both databases up to date, in the one order that loses nothing: the vault database is
 * created when missing and migrated first; credentials still in the main database (from before
 * the vault had its own) are moved into it; then the main database is migrated, which drops
 * their emptied table. Each migration runs in its own transaction. Returns the names applied,
 * the vault's prefixed `vault:`.
 */
export async function runMigrations(databaseUrl: string, vaultUrl: string = vaultDatabaseUrlFor(databaseUrl)): Promise<string[]> {
  await ensureVaultDatabase(vaultUrl, databaseUrl);
  const vault = createVaultDataSource(vaultUrl, { poolSize: 2, applicationName: 'relance-migrate' });
  const main = createDataSource(databaseUrl, { poolSize: 2, applicationName: 'relance-migrate' });
  await vault.initialize();
  try {
    const vaultApplied = await vault.runMigrations({ transaction: 'each' });
    await main.initialize();
    await moveSecretsToVault(main, vault);
    const applied = await main.runMigrations({ transaction: 'each' });
    return [...vaultApplied.map((migration) => `vault:${migration.name}`), ...applied.map((migration) => migration.name)];
  } finally {
    await vault.destroy();
    if (main.isInitialized) await main.destroy();
  }
}
