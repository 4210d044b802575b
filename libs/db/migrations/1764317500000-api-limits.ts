import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The public API's request limits and idempotency keys.
 *
 * - api_rate_limits: rate-limiter-flexible's RateLimiterPostgres table, in the shape that library
 *   reads and writes (key, points, expire in epoch milliseconds). Created here rather than by the
 *   library at start-up (`tableCreated: true`), so the schema changes only through migrations.
 *   Keys are `<policy>:<api key id>`: they name no person.
 * - idempotency_keys: one row per (account, Idempotency-Key): the request's hash, whether it is
 *   still running, and once done the answer it got, replayed to a repeat until expires_at (json,
 *   not jsonb: the replay keeps the first answer's key order). The
 *   answer may carry personal data (a created prospect): the registry declares it, and rows go
 *   with their account and once expired.
 */
export class ApiLimits1764317500000 implements MigrationInterface {
  name = 'ApiLimits1764317500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "api_rate_limits" (
        "key" character varying(255) NOT NULL,
        "points" integer NOT NULL DEFAULT 0,
        "expire" bigint,
        CONSTRAINT "pk_api_rate_limits" PRIMARY KEY ("key")
      )`);
    await queryRunner.query(`
      CREATE TABLE "idempotency_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "key" character varying(255) NOT NULL,
        "request_hash" text NOT NULL,
        "state" text NOT NULL,
        "response_status" integer,
        "response_body" json,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_idempotency_keys" PRIMARY KEY ("id"),
        CONSTRAINT "fk_idempotency_keys_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_idempotency_keys_account_key" ON "idempotency_keys" ("account_id", "key")`);
    await queryRunner.query(`CREATE INDEX "ix_idempotency_keys_expires" ON "idempotency_keys" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "idempotency_keys"`);
    await queryRunner.query(`DROP TABLE "api_rate_limits"`);
  }
}
