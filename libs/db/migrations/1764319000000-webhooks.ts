import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Outbound webhooks: an account's endpoints (a URL, the events it wants, its signing secret
 * sealed like mailbox credentials; a Zapier-style REST hook is an endpoint of one event), one
 * delivery per event and endpoint (the payload, unique per event so a retried activity records
 * nothing twice; found by its prospect for erasure) and every attempt at it.
 */
export class Webhooks1764319000000 implements MigrationInterface {
  name = 'Webhooks1764319000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "webhook_endpoints" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "kind" text NOT NULL DEFAULT 'endpoint',
        "url" text NOT NULL,
        "description" text,
        "events" text array NOT NULL,
        "enabled" boolean NOT NULL DEFAULT true,
        "secret_key_id" text NOT NULL,
        "secret_wrapped_key" bytea NOT NULL,
        "secret_ciphertext" bytea NOT NULL,
        "consecutive_failures" integer NOT NULL DEFAULT 0,
        "disabled_reason" text,
        "disabled_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_webhook_endpoints_kind" CHECK ("kind" IN ('endpoint', 'rest_hook')),
        CONSTRAINT "pk_webhook_endpoints" PRIMARY KEY ("id"),
        CONSTRAINT "fk_webhook_endpoints_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_endpoints_account" ON "webhook_endpoints" ("account_id", "created_at")`);
    await queryRunner.query(`
      CREATE TABLE "webhook_deliveries" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "endpoint_id" uuid NOT NULL,
        "event_type" text NOT NULL,
        "event_key" text NOT NULL,
        "prospect_id" uuid,
        "payload" jsonb NOT NULL,
        "status" text NOT NULL DEFAULT 'pending',
        "attempt_count" integer NOT NULL DEFAULT 0,
        "last_attempt_at" TIMESTAMP WITH TIME ZONE,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_webhook_deliveries_status" CHECK ("status" IN ('pending', 'succeeded', 'failed', 'cancelled')),
        CONSTRAINT "pk_webhook_deliveries" PRIMARY KEY ("id"),
        CONSTRAINT "uq_webhook_deliveries_endpoint_event" UNIQUE ("endpoint_id", "event_key"),
        CONSTRAINT "fk_webhook_deliveries_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_webhook_deliveries_endpoint" FOREIGN KEY ("endpoint_id") REFERENCES "webhook_endpoints"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_webhook_deliveries_prospect" FOREIGN KEY ("prospect_id") REFERENCES "prospects"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_deliveries_endpoint" ON "webhook_deliveries" ("endpoint_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_deliveries_account" ON "webhook_deliveries" ("account_id")`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_deliveries_prospect" ON "webhook_deliveries" ("prospect_id")`);
    await queryRunner.query(`
      CREATE TABLE "webhook_delivery_attempts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "delivery_id" uuid NOT NULL,
        "attempted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "status_code" integer,
        "duration_ms" integer NOT NULL,
        "error" text,
        "response_snippet" text,
        CONSTRAINT "pk_webhook_delivery_attempts" PRIMARY KEY ("id"),
        CONSTRAINT "fk_webhook_delivery_attempts_delivery" FOREIGN KEY ("delivery_id") REFERENCES "webhook_deliveries"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_webhook_delivery_attempts_delivery" ON "webhook_delivery_attempts" ("delivery_id", "attempted_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "webhook_delivery_attempts"`);
    await queryRunner.query(`DROP TABLE "webhook_deliveries"`);
    await queryRunner.query(`DROP TABLE "webhook_endpoints"`);
  }
}
