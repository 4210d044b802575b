import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Verification and enrichment: one job per request over a list of an account's prospects (its
 * progress read while the `enrichment:<id>` workflow runs), one result per prospect and job (the
 * provider's answer and when), and the token buckets that keep every worker under a provider's
 * documented rate limit (one row per provider and account: the limits are per API key).
 */
export class Enrichment1764317000000 implements MigrationInterface {
  name = 'Enrichment1764317000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "enrichment_jobs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "provider" text NOT NULL,
        "status" text NOT NULL DEFAULT 'running',
        "prospect_ids" uuid array NOT NULL,
        "total" integer NOT NULL,
        "processed" integer NOT NULL DEFAULT 0,
        "succeeded" integer NOT NULL DEFAULT 0,
        "skipped" integer NOT NULL DEFAULT 0,
        "failed" integer NOT NULL DEFAULT 0,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_enrichment_jobs_kind" CHECK ("kind" IN ('verify', 'enrich')),
        CONSTRAINT "pk_enrichment_jobs" PRIMARY KEY ("id"),
        CONSTRAINT "fk_enrichment_jobs_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_enrichment_jobs_account" ON "enrichment_jobs" ("account_id", "created_at")`);
    await queryRunner.query(`
      CREATE TABLE "enrichment_results" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "job_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "prospect_id" uuid,
        "kind" text NOT NULL,
        "provider" text NOT NULL,
        "outcome" text NOT NULL,
        "verdict" text,
        "score" integer,
        "details" jsonb NOT NULL DEFAULT '{}',
        "filled_fields" text array NOT NULL DEFAULT '{}',
        "error_code" text,
        "checked_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_enrichment_results" PRIMARY KEY ("id"),
        CONSTRAINT "uq_enrichment_results_job_position" UNIQUE ("job_id", "position"),
        CONSTRAINT "fk_enrichment_results_job" FOREIGN KEY ("job_id") REFERENCES "enrichment_jobs"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_enrichment_results_prospect" FOREIGN KEY ("prospect_id") REFERENCES "prospects"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_enrichment_results_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_enrichment_results_prospect" ON "enrichment_results" ("prospect_id", "checked_at")`);
    await queryRunner.query(`CREATE INDEX "ix_enrichment_results_account" ON "enrichment_results" ("account_id")`);
    await queryRunner.query(`
      CREATE TABLE "enrichment_rate_buckets" (
        "bucket" text NOT NULL,
        "tokens" double precision NOT NULL,
        "refilled_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT clock_timestamp(),
        CONSTRAINT "pk_enrichment_rate_buckets" PRIMARY KEY ("bucket")
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "enrichment_rate_buckets"`);
    await queryRunner.query(`DROP TABLE "enrichment_results"`);
    await queryRunner.query(`DROP TABLE "enrichment_jobs"`);
  }
}
