import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Account export and closure: the exports table (its archive is personal data, declared in the
 * registry), the closures table (kept after the purge, for staff: no foreign key), the account's
 * closing mark the send claim reads, and the indexes a purge by account needs on the tables
 * that had none leading with account_id (without them each DELETE scans the whole table, and
 * each deleted message scans suppressions for its source_message_id).
 */
/** Columns referencing rows a purge deletes by the million: each deleted row looks them up. */
const REFERENCE_INDEXES = [
  ['ix_suppressions_source_message', 'suppressions', 'source_message_id'],
  ['ix_prospect_suggestions_departed_prospect', 'prospect_suggestions', 'departed_prospect_id'],
  ['ix_prospect_suggestions_created_prospect', 'prospect_suggestions', 'created_prospect_id'],
  ['ix_prospect_suggestions_enrollment', 'prospect_suggestions', 'enrollment_id'],
  ['ix_prospect_suggestions_source_inbound', 'prospect_suggestions', 'source_inbound_message_id'],
  ['ix_mailbox_deliverability_events_inbound', 'mailbox_deliverability_events', 'inbound_message_id'],
] as const;

export class AccountLifecycle1764308500000 implements MigrationInterface {
  name = 'AccountLifecycle1764308500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" ADD "closing_since" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
      CREATE TABLE "account_exports" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "requested_by_api_key_id" uuid,
        "status" text NOT NULL DEFAULT 'pending',
        "file_path" text,
        "size_bytes" bigint,
        "row_counts" jsonb,
        "error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "completed_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_account_exports" PRIMARY KEY ("id"),
        CONSTRAINT "fk_account_exports_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX "ix_account_exports_account" ON "account_exports" ("account_id", "created_at")`);
    await queryRunner.query(`
      CREATE TABLE "account_closures" (
        "account_id" uuid NOT NULL,
        "status" text NOT NULL,
        "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "purge_after" TIMESTAMP WITH TIME ZONE NOT NULL,
        "cancelled_at" TIMESTAMP WITH TIME ZONE,
        "purged_at" TIMESTAMP WITH TIME ZONE,
        "certificate" jsonb,
        "certificate_jws" text,
        CONSTRAINT "pk_account_closures" PRIMARY KEY ("account_id")
      )`);
    for (const table of ['messages', 'tracking_events', 'enrollments', 'campaigns', 'mailboxes', 'api_keys', 'mailbox_deliverability_events']) {
      await queryRunner.query(`CREATE INDEX "ix_${table}_account" ON "${table}" ("account_id")`);
    }
    for (const [name, table, column] of REFERENCE_INDEXES) {
      await queryRunner.query(`CREATE INDEX "${name}" ON "${table}" ("${column}")`);
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    for (const [name] of REFERENCE_INDEXES) await queryRunner.query(`DROP INDEX "${name}"`);
    for (const table of ['messages', 'tracking_events', 'enrollments', 'campaigns', 'mailboxes', 'api_keys', 'mailbox_deliverability_events']) {
      await queryRunner.query(`DROP INDEX "ix_${table}_account"`);
    }
    await queryRunner.query(`DROP TABLE "account_closures"`);
    await queryRunner.query(`DROP TABLE "account_exports"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "closing_since"`);
  }
}
