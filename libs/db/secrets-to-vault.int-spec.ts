import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { loadConfig, vaultDatabaseUrlFor } from '@relance/config';
import { Vault } from '@relance/crypto';
import { createDatabase, dropDatabase } from '@relance/devservices';
import { MailboxCredentials } from '@relance/mailboxes/mailbox-credentials.service';
import { testEnv } from '../../tests/harness/env';
import { createDataSource, createVaultDataSource } from './data-source';
import { Mailbox } from './entities/mailbox.entity';
import { runMigrations } from './migrate';
import { MailboxSecretRepository } from './repositories/mailbox-secret.repository';

/**
 * A database from before the vault had its own: credentials in the main database's
 * mailbox_secrets. Migrating moves them into the vault database and drops the table, and
 * the mailbox's passwords still open from there.
 */
describe('moving mailbox credentials into the vault database', () => {
  const name = `relance_vault_move_${process.pid}_${Date.now()}`;
  let url: string;
  let main: DataSource;
  const vault = new Vault(loadConfig().vault.masterKeys);
  const mailboxId = randomUUID();
  const passwords = { smtpPassword: `smtp-${randomUUID()}`, imapPassword: `imap-${randomUUID()}` };
  const sealed = MailboxCredentials.seal(vault, mailboxId, passwords);
  const hasTable = async () => (await main.query(`SELECT to_regclass('public.mailbox_secrets') IS NOT NULL AS t`))[0].t as boolean;

  before(async () => {
    url = await createDatabase(testEnv().adminDatabaseUrl, name);
    await runMigrations(url);
    main = await createDataSource(url, { poolSize: 1 }).initialize();
    // Back to the schema of before the move: undo migrations until the old table is there again.
    while (!(await hasTable())) await main.undoLastMigration();
    // Plain SQL: today's entities know columns that later migrations add and were just undone.
    const [{ id: accountId }] = await main.query(`INSERT INTO accounts (name) VALUES ('Old') RETURNING id`);
    await main.query(
      `INSERT INTO mailboxes (id, account_id, email, smtp_host, smtp_port, smtp_username, imap_host, imap_port, imap_username)
       VALUES ($1, $2, 'rep@old.test', '127.0.0.1', 25, 'rep', '127.0.0.1', 143, 'rep')`,
      [mailboxId, accountId],
    );
    await main.query(`INSERT INTO mailbox_secrets (mailbox_id, key_id, wrapped_key, ciphertext) VALUES ($1, $2, $3, $4)`, [
      mailboxId, sealed.keyId, sealed.wrappedKey, sealed.ciphertext,
    ]);
  });

  after(async () => {
    await main?.destroy();
    await dropDatabase(testEnv().adminDatabaseUrl, name);
    await dropDatabase(testEnv().adminDatabaseUrl, `${name}_vault`);
  });

  it('the drop alone refuses while credentials are left, and loses none', async () => {
    await assert.rejects(main.runMigrations({ transaction: 'each' }), /still holds 1 credential.*npm run migrate/s);
    assert.ok(await hasTable());
    assert.equal((await main.query(`SELECT count(*)::int AS n FROM mailbox_secrets`))[0].n, 1);
  });

  it('npm run migrate copies them into the vault first, then drops the table; the passwords open from the vault', async () => {
    const applied = await runMigrations(url);
    assert.ok(applied.includes('MailboxSecretsToVault1764307300000'), applied.join(', '));
    assert.equal(await hasTable(), false, 'the main database has no credential table left');

    const vaultDb = await createVaultDataSource(vaultDatabaseUrlFor(url), { poolSize: 1 }).initialize();
    try {
      const secrets = new MailboxSecretRepository(vaultDb);
      const moved = await secrets.find(mailboxId);
      assert.ok(moved, 'the row is in the vault');
      assert.ok(moved.ciphertext.equals(sealed.ciphertext) && moved.wrappedKey.equals(sealed.wrappedKey));
      const mailbox = (await main.getRepository(Mailbox).findOneBy({ id: mailboxId }))!;
      const smtp = await new MailboxCredentials(secrets, vault).smtp(mailbox);
      assert.equal(smtp.password, passwords.smtpPassword);
    } finally {
      await vaultDb.destroy();
    }
    assert.deepEqual(await runMigrations(url), [], 'a second run finds nothing to do');
  });
});
