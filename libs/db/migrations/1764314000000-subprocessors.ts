import { MigrationInterface, QueryRunner } from 'typeorm';
import { seedSubprocessors } from '@relance/subprocessors/seed/seed-entries';

/**
 * The subprocessor registry, its change log, the owners subscribed to its notices and the
 * notices mailed; seeded with the 25 entries of libs/subprocessors/seed/subprocessors.csv.
 *
 * Seeded here rather than at every start: this runs once per database, before any process reads
 * the table, in the transaction that creates it. Later additions go through the admin routes,
 * which log the change and notify subscribers (Art. 28(2)); a start-time seeding would add a
 * new line of the file silently, with no notice, and race between the API and the workers.
 */
export class Subprocessors1764314000000 implements MigrationInterface {
  name = 'Subprocessors1764314000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "subprocessors" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "seed_key" text,
        "name" text NOT NULL,
        "address" text NOT NULL,
        "processing_scope" text NOT NULL,
        "personal_data_types" text NOT NULL,
        "processing_location" text NOT NULL,
        "transfer_mechanism" text NOT NULL,
        "status" text NOT NULL DEFAULT 'active',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_subprocessors_status" CHECK ("status" IN ('active', 'retired')),
        CONSTRAINT "pk_subprocessors" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_subprocessors_seed_key" ON "subprocessors" ("seed_key")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_subprocessors_active_name" ON "subprocessors" ("name") WHERE status = 'active'`);
    await queryRunner.query(`
      CREATE TABLE "subprocessor_changes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "subprocessor_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "changes" jsonb NOT NULL DEFAULT '{}',
        "effective_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_by_staff_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_subprocessor_changes_kind" CHECK ("kind" IN ('added', 'updated', 'retired')),
        CONSTRAINT "pk_subprocessor_changes" PRIMARY KEY ("id"),
        CONSTRAINT "fk_subprocessor_changes_subprocessor" FOREIGN KEY ("subprocessor_id") REFERENCES "subprocessors"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_subprocessor_changes_staff" FOREIGN KEY ("created_by_staff_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_subprocessor_changes_subprocessor" ON "subprocessor_changes" ("subprocessor_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "ix_subprocessor_changes_effective_at" ON "subprocessor_changes" ("effective_at")`);
    await queryRunner.query(`
      CREATE TABLE "subprocessor_notice_subscriptions" (
        "user_id" uuid NOT NULL,
        "account_id" uuid NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_subprocessor_notice_subscriptions" PRIMARY KEY ("user_id"),
        CONSTRAINT "fk_subprocessor_notice_subscriptions_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_subprocessor_notice_subscriptions_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_subprocessor_notice_subscriptions_account" ON "subprocessor_notice_subscriptions" ("account_id")`);
    await queryRunner.query(`
      CREATE TABLE "subprocessor_notice_sends" (
        "change_id" uuid NOT NULL,
        "user_id" uuid NOT NULL,
        "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_subprocessor_notice_sends" PRIMARY KEY ("change_id", "user_id"),
        CONSTRAINT "fk_subprocessor_notice_sends_change" FOREIGN KEY ("change_id") REFERENCES "subprocessor_changes"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_subprocessor_notice_sends_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_subprocessor_notice_sends_user" ON "subprocessor_notice_sends" ("user_id")`);
    await seedSubprocessors(queryRunner);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "subprocessor_notice_sends"`);
    await queryRunner.query(`DROP TABLE "subprocessor_notice_subscriptions"`);
    await queryRunner.query(`DROP TABLE "subprocessor_changes"`);
    await queryRunner.query(`DROP TABLE "subprocessors"`);
  }
}
