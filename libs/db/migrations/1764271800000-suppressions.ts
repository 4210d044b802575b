import { MigrationInterface, QueryRunner } from 'typeorm';

/** The per-account suppression list: keyed hashes of addresses, and domains. */
export class Suppressions1764271800000 implements MigrationInterface {
  name = 'Suppressions1764271800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "suppressions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "email_hash" text,
        "domain" text,
        "reason" text NOT NULL,
        "source_message_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_suppressions_kind" CHECK (("kind" = 'email' AND "email_hash" IS NOT NULL AND "domain" IS NULL) OR ("kind" = 'domain' AND "domain" IS NOT NULL AND "email_hash" IS NULL)),
        CONSTRAINT "pk_suppressions" PRIMARY KEY ("id")
      )
    `);
    // NULLs are distinct in unique indexes: each index constrains only its own kind's rows.
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_suppressions_account_email_hash" ON "suppressions" ("account_id", "email_hash")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_suppressions_account_domain" ON "suppressions" ("account_id", "domain")`);
    await queryRunner.query(`ALTER TABLE "suppressions" ADD CONSTRAINT "fk_suppressions_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "suppressions" ADD CONSTRAINT "fk_suppressions_source_message" FOREIGN KEY ("source_message_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "suppressions"`);
  }
}
