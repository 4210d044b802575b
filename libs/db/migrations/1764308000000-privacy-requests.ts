import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Data-subject requests (access, erasure, rectification, restriction), one row each, and the
 * dated events of their life (reminders, escalation, extension) that staff list.
 */
export class PrivacyRequests1764308000000 implements MigrationInterface {
  name = 'PrivacyRequests1764308000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "privacy_requests" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "type" text NOT NULL,
        "subject_kind" text NOT NULL,
        "account_id" uuid,
        "prospect_id" uuid,
        "user_id" uuid,
        "email_hash" text,
        "contact_email" text,
        "requester" text NOT NULL,
        "requester_id" uuid,
        "message" text,
        "fields" jsonb,
        "status" text NOT NULL DEFAULT 'awaiting_verification',
        "verification_method" text,
        "verified_by_staff_id" uuid,
        "verification_reason" text,
        "verified_at" TIMESTAMP WITH TIME ZONE,
        "due_at" TIMESTAMP WITH TIME ZONE,
        "extended_at" TIMESTAMP WITH TIME ZONE,
        "extension_reason" text,
        "escalated_at" TIMESTAMP WITH TIME ZONE,
        "completed_at" TIMESTAMP WITH TIME ZONE,
        "certificate" text,
        "export_data" jsonb,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_privacy_requests" PRIMARY KEY ("id"),
        CONSTRAINT "ck_privacy_requests_type" CHECK ("type" IN ('access', 'erasure', 'rectification', 'restriction')),
        CONSTRAINT "ck_privacy_requests_subject_kind" CHECK ("subject_kind" IN ('prospect', 'user', 'email')),
        CONSTRAINT "ck_privacy_requests_requester" CHECK ("requester" IN ('subject', 'customer', 'staff')),
        CONSTRAINT "ck_privacy_requests_status" CHECK ("status" IN ('awaiting_verification', 'verified', 'completed', 'expired', 'rejected')),
        CONSTRAINT "ck_privacy_requests_verification_method" CHECK ("verification_method" IS NULL OR "verification_method" IN ('link', 'staff', 'customer')),
        CONSTRAINT "ck_privacy_requests_subject" CHECK (
          ("subject_kind" = 'prospect' AND "prospect_id" IS NOT NULL AND "account_id" IS NOT NULL)
          OR ("subject_kind" = 'user' AND "user_id" IS NOT NULL AND "account_id" IS NOT NULL)
          OR ("subject_kind" = 'email' AND "email_hash" IS NOT NULL))
      )`);
    // Staff list by status, newest first; overdue is a range on due_at among open requests.
    await queryRunner.query(`CREATE INDEX "ix_privacy_requests_status_created" ON "privacy_requests" ("status", "created_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_privacy_requests_due" ON "privacy_requests" ("due_at") WHERE "status" = 'verified'`);
    // A public request repeated while the first awaits its confirmation is answered with the first.
    await queryRunner.query(`CREATE INDEX "ix_privacy_requests_awaiting_hash" ON "privacy_requests" ("email_hash") WHERE "status" = 'awaiting_verification'`);
    await queryRunner.query(`
      CREATE TABLE "privacy_request_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "request_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "details" jsonb NOT NULL DEFAULT '{}',
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_privacy_request_events" PRIMARY KEY ("id"),
        CONSTRAINT "fk_privacy_request_events_request" FOREIGN KEY ("request_id") REFERENCES "privacy_requests"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_privacy_request_events_request" ON "privacy_request_events" ("request_id", "occurred_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "privacy_request_events"`);
    await queryRunner.query(`DROP TABLE "privacy_requests"`);
  }
}
