import { MigrationInterface, QueryRunner } from 'typeorm';

/** The vault database's one table: sealed mailbox credentials, keyed by the main database's mailbox id. */
export class VaultMailboxSecrets1764307200000 implements MigrationInterface {
  name = 'VaultMailboxSecrets1764307200000';

  public async up(queryRunner: QueryRunner): Promise<void> {
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
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mailbox_secrets"`);
  }
}
