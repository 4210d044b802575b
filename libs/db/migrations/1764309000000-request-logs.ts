import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The API's request log: one row per request, route pattern only (never the raw URL), the
 * caller's ids, the anonymised network and a browser family. No foreign keys: a log line
 * outlives neither its retention nor needs its account to exist (retention moves it away).
 */
export class RequestLogs1764309000000 implements MigrationInterface {
  name = 'RequestLogs1764309000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "request_logs" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "method" text NOT NULL,
        "route" text NOT NULL,
        "status" integer NOT NULL,
        "duration_ms" integer NOT NULL,
        "account_id" uuid,
        "user_id" uuid,
        "api_key_id" uuid,
        "staff_user_id" uuid,
        "ip" text,
        "country" text,
        "browser" text,
        CONSTRAINT "pk_request_logs" PRIMARY KEY ("id")
      )`);
    // Retention reads the oldest rows first; staff look up one account's requests.
    await queryRunner.query(`CREATE INDEX "ix_request_logs_occurred_at" ON "request_logs" ("occurred_at")`);
    await queryRunner.query(`CREATE INDEX "ix_request_logs_account" ON "request_logs" ("account_id", "occurred_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "request_logs"`);
  }
}
