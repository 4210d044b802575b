import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mailbox credentials leave the main database for the vault's own (VAULT_DATABASE_URL), so a
 * dump of this one holds none, even encrypted. `runMigrations` (npm run migrate) moves the rows
 * before this runs: it copies them into the migrated vault, then deletes them here. This only
 * drops the emptied table, and refuses while a row is left, rather than lose a credential.
 */
export class MailboxSecretsToVault1764307300000 implements MigrationInterface {
  name = 'MailboxSecretsToVault1764307300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    const [{ n }] = await queryRunner.query(`SELECT count(*)::int AS n FROM "mailbox_secrets"`);
    if (n > 0) {
      throw new Error(
        `mailbox_secrets still holds ${n} credential(s) in the main database: migrate with npm run migrate ` +
          '(runMigrations), which moves them into the vault database before this step drops the table',
      );
    }
    await queryRunner.query(`DROP TABLE "mailbox_secrets"`);
  }

  /** The table comes back empty: the credentials stay in the vault, which the code before this reads no more. */
  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "mailbox_secrets" (
        "mailbox_id" uuid NOT NULL,
        "key_id" text NOT NULL,
        "wrapped_key" bytea NOT NULL,
        "ciphertext" bytea NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_mailbox_secrets" PRIMARY KEY ("mailbox_id")
      )`);
    await queryRunner.query(`ALTER TABLE "mailbox_secrets" ADD CONSTRAINT "fk_mailbox_secrets_mailbox" FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }
}
