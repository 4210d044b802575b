import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A bounce is judged by its reason, not by the first digit of its status:
 * - inbound_messages.bounce_reason: the reason from the taxonomy in
 *   libs/mail/classification/bounce-reasons.ts (free text, not checked here: the taxonomy may
 *   grow without a migration; what each reason does is read from BOUNCE_EFFECT in code);
 *   bounce_raw_status: the status the DSN itself gave when the stored one was refined from its
 *   diagnostic (null when they agree); kind 'complaint' (an ARF feedback report) with its
 *   feedback_type (abuse, opt-out…).
 * - mailbox_deliverability_events: one row per bounce that blamed the sender (reputation,
 *   authentication, content…), what pauses a mailbox past a threshold; mailboxes.pause_reason
 *   says why a mailbox paused itself, paused_at when it last did (bounces before it do not count
 *   again after the rep enables it).
 * - campaigns.complaint_rate_limit / complaint_rate_min_sends: a campaign pauses itself when too
 *   many recipients complain (0.3 % by default, as mailbox providers advise).
 */
export class BounceReasons1764305500000 implements MigrationInterface {
  name = 'BounceReasons1764305500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD "bounce_reason" text`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD "bounce_raw_status" text`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD "feedback_type" text`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP CONSTRAINT "ck_inbound_messages_kind"`);
    await queryRunner.query(
      `ALTER TABLE "inbound_messages" ADD CONSTRAINT "ck_inbound_messages_kind" CHECK ("kind" IN ('reply', 'auto_reply', 'bounce', 'complaint'))`,
    );
    await queryRunner.query(`ALTER TABLE "mailboxes" ADD "pause_reason" text`);
    await queryRunner.query(`ALTER TABLE "mailboxes" ADD "paused_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
      CREATE TABLE "mailbox_deliverability_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "mailbox_id" uuid NOT NULL,
        "inbound_message_id" uuid,
        "reason" text NOT NULL,
        "occurred_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_mailbox_deliverability_events" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_mailbox_deliverability_events_mailbox" ON "mailbox_deliverability_events" ("mailbox_id", "occurred_at")`,
    );
    await queryRunner.query(`ALTER TABLE "mailbox_deliverability_events" ADD CONSTRAINT "fk_mailbox_deliverability_events_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mailbox_deliverability_events" ADD CONSTRAINT "fk_mailbox_deliverability_events_mailbox" FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mailbox_deliverability_events" ADD CONSTRAINT "fk_mailbox_deliverability_events_inbound" FOREIGN KEY ("inbound_message_id") REFERENCES "inbound_messages"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "complaint_rate_limit" double precision NOT NULL DEFAULT 0.003`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "complaint_rate_min_sends" integer NOT NULL DEFAULT 50`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "complaint_rate_min_sends"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "complaint_rate_limit"`);
    await queryRunner.query(`DROP TABLE "mailbox_deliverability_events"`);
    await queryRunner.query(`ALTER TABLE "mailboxes" DROP COLUMN "paused_at"`);
    await queryRunner.query(`ALTER TABLE "mailboxes" DROP COLUMN "pause_reason"`);
    // Complaints have no place in the older schema: they go before its check comes back.
    await queryRunner.query(`DELETE FROM "inbound_messages" WHERE "kind" = 'complaint'`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP CONSTRAINT "ck_inbound_messages_kind"`);
    await queryRunner.query(
      `ALTER TABLE "inbound_messages" ADD CONSTRAINT "ck_inbound_messages_kind" CHECK ("kind" IN ('reply', 'auto_reply', 'bounce'))`,
    );
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP COLUMN "feedback_type"`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP COLUMN "bounce_raw_status"`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP COLUMN "bounce_reason"`);
  }
}
