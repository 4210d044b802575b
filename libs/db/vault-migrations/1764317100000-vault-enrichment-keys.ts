import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An account's API keys for the enrichment providers (Hunter, BriteVerify, ZeroBounce), sealed
 * like mailbox credentials; `hint` is the key's last characters, all the API ever shows of it.
 */
export class VaultEnrichmentKeys1764317100000 implements MigrationInterface {
  name = 'VaultEnrichmentKeys1764317100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "enrichment_provider_keys" (
        "account_id" uuid NOT NULL,
        "provider" text NOT NULL,
        "key_id" text NOT NULL,
        "wrapped_key" bytea NOT NULL,
        "ciphertext" bytea NOT NULL,
        "hint" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_enrichment_provider_keys" PRIMARY KEY ("account_id", "provider")
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "enrichment_provider_keys"`);
  }
}
