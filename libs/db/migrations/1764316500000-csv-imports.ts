import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * CSV imports: the job (stored file, format, mapping, progress and resume checkpoint), the
 * prospects each import created or updated, and the refused rows' report.
 */
export class CsvImports1764316500000 implements MigrationInterface {
  name = 'CsvImports1764316500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "import_jobs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "created_by_user_id" uuid,
        "status" text NOT NULL DEFAULT 'awaiting_mapping',
        "file_name" text NOT NULL,
        "file_path" text NOT NULL,
        "size_bytes" bigint NOT NULL,
        "encoding" text NOT NULL,
        "delimiter" text NOT NULL,
        "headers" jsonb NOT NULL,
        "mapping" jsonb NOT NULL,
        "on_existing" text NOT NULL DEFAULT 'skip',
        "total_rows" integer NOT NULL,
        "rows_read" integer NOT NULL DEFAULT 0,
        "imported" integer NOT NULL DEFAULT 0,
        "updated" integer NOT NULL DEFAULT 0,
        "skipped" integer NOT NULL DEFAULT 0,
        "refused" integer NOT NULL DEFAULT 0,
        "checkpoint_records" integer NOT NULL DEFAULT 0,
        "error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "started_at" TIMESTAMP WITH TIME ZONE,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_import_jobs" PRIMARY KEY ("id"),
        CONSTRAINT "fk_import_jobs_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_import_jobs_created_by" FOREIGN KEY ("created_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_import_jobs_account" ON "import_jobs" ("account_id", "created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_import_jobs_created_by" ON "import_jobs" ("created_by_user_id") WHERE "created_by_user_id" IS NOT NULL`);
    await queryRunner.query(`
      CREATE TABLE "import_job_prospects" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "import_job_id" uuid NOT NULL,
        "prospect_id" uuid NOT NULL,
        "line" integer NOT NULL,
        "outcome" text NOT NULL,
        CONSTRAINT "pk_import_job_prospects" PRIMARY KEY ("id"),
        CONSTRAINT "fk_import_job_prospects_job" FOREIGN KEY ("import_job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_import_job_prospects_prospect" FOREIGN KEY ("prospect_id") REFERENCES "prospects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_import_job_prospects" ON "import_job_prospects" ("import_job_id", "prospect_id")`);
    await queryRunner.query(`CREATE INDEX "ix_import_job_prospects_prospect" ON "import_job_prospects" ("prospect_id")`);
    await queryRunner.query(`
      CREATE TABLE "import_refusals" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "import_job_id" uuid NOT NULL,
        "line" integer NOT NULL,
        "column_name" text NOT NULL,
        "reason" text NOT NULL,
        "value" text,
        "email" text,
        CONSTRAINT "pk_import_refusals" PRIMARY KEY ("id"),
        CONSTRAINT "fk_import_refusals_job" FOREIGN KEY ("import_job_id") REFERENCES "import_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_import_refusals_job" ON "import_refusals" ("import_job_id", "line")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "import_refusals"`);
    await queryRunner.query(`DROP TABLE "import_job_prospects"`);
    await queryRunner.query(`DROP TABLE "import_jobs"`);
  }
}
