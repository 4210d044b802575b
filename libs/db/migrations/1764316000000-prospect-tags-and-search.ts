import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Prospects at scale: tags (a text array, found through a GIN index), a trigram index for the
 * list's free-text search over names, company and email (ILIKE '%…%' without a sequential scan
 * of every account's prospects), and the (account, created_at, id) index the list pages along.
 * pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: a database owner may create it.
 */
export class ProspectTagsAndSearch1764316000000 implements MigrationInterface {
  name = 'ProspectTagsAndSearch1764316000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);
    await queryRunner.query(`ALTER TABLE "prospects" ADD "tags" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`CREATE INDEX "ix_prospects_tags" ON "prospects" USING gin ("tags")`);
    // The expression must stay the one PROSPECT_SEARCH_TEXT spells in prospect-list.ts, or the index goes unused.
    await queryRunner.query(`
      CREATE INDEX "ix_prospects_search" ON "prospects" USING gin (
        (coalesce("first_name", '') || ' ' || coalesce("last_name", '') || ' ' || coalesce("company", '') || ' ' || "email")
        gin_trgm_ops)`);
    await queryRunner.query(`CREATE INDEX "ix_prospects_account_created" ON "prospects" ("account_id", "created_at", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_prospects_account_created"`);
    await queryRunner.query(`DROP INDEX "ix_prospects_search"`);
    await queryRunner.query(`DROP INDEX "ix_prospects_tags"`);
    await queryRunner.query(`ALTER TABLE "prospects" DROP COLUMN "tags"`);
    await queryRunner.query(`DROP EXTENSION IF EXISTS pg_trgm`);
  }
}
