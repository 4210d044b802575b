import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What retention needs besides request logs: a record of each run, the minimal support
 * conversations table (deleted 90 days after their account's deletion), and when an account
 * was deleted (closure sets it; IF NOT EXISTS because the closure work may add the same column).
 */
export class Retention1764309100000 implements MigrationInterface {
  name = 'Retention1764309100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "retention_runs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "job" text NOT NULL,
        "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "duration_ms" integer NOT NULL,
        "counts" jsonb NOT NULL DEFAULT '{}',
        "error" text,
        CONSTRAINT "pk_retention_runs" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_retention_runs_started_at" ON "retention_runs" ("started_at")`);
    await queryRunner.query(`ALTER TABLE "accounts" ADD COLUMN IF NOT EXISTS "deleted_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
      CREATE TABLE "support_conversations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "subject" text NOT NULL,
        "body" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_support_conversations" PRIMARY KEY ("id"),
        CONSTRAINT "fk_support_conversations_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_support_conversations_account" ON "support_conversations" ("account_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "support_conversations"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "deleted_at"`);
    await queryRunner.query(`DROP TABLE "retention_runs"`);
  }
}
