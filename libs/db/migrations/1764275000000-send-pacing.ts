import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * When mail may leave: a campaign's sending window and time zone, its pool of mailboxes
 * (rotation), each enrollment's sending mailbox, jitter on spacing, waits counted in
 * sending days, and each mailbox's pacing state (today's count, next allowed send, queue).
 */
export class SendPacing1764275000000 implements MigrationInterface {
  name = 'SendPacing1764275000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "time_zone" text NOT NULL DEFAULT 'UTC'`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "sending_window" jsonb`);
    await queryRunner.query(`ALTER TABLE "steps" ADD "sending_days_only" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "mailboxes" ADD "spacing_jitter_seconds" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "enrollments" ADD "mailbox_id" uuid`);
    await queryRunner.query(`
      ALTER TABLE "enrollments" ADD CONSTRAINT "fk_enrollments_mailbox"
        FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`
      CREATE TABLE "campaign_mailboxes" (
        "campaign_id" uuid NOT NULL,
        "mailbox_id" uuid NOT NULL,
        CONSTRAINT "pk_campaign_mailboxes" PRIMARY KEY ("campaign_id", "mailbox_id")
      )`);
    await queryRunner.query(`
      ALTER TABLE "campaign_mailboxes" ADD CONSTRAINT "fk_campaign_mailboxes_campaign"
        FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`
      ALTER TABLE "campaign_mailboxes" ADD CONSTRAINT "fk_campaign_mailboxes_mailbox"
        FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    // Every existing campaign sends from its one mailbox.
    await queryRunner.query(`INSERT INTO "campaign_mailboxes" ("campaign_id", "mailbox_id") SELECT "id", "mailbox_id" FROM "campaigns"`);
    await queryRunner.query(`
      CREATE TABLE "mailbox_send_state" (
        "mailbox_id" uuid NOT NULL,
        "day" text NOT NULL,
        "day_count" integer NOT NULL DEFAULT 0,
        "next_send_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "queue_tail_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        CONSTRAINT "pk_mailbox_send_state" PRIMARY KEY ("mailbox_id")
      )`);
    await queryRunner.query(`
      ALTER TABLE "mailbox_send_state" ADD CONSTRAINT "fk_mailbox_send_state_mailbox"
        FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mailbox_send_state"`);
    await queryRunner.query(`DROP TABLE "campaign_mailboxes"`);
    await queryRunner.query(`ALTER TABLE "enrollments" DROP CONSTRAINT "fk_enrollments_mailbox"`);
    await queryRunner.query(`ALTER TABLE "enrollments" DROP COLUMN "mailbox_id"`);
    await queryRunner.query(`ALTER TABLE "mailboxes" DROP COLUMN "spacing_jitter_seconds"`);
    await queryRunner.query(`ALTER TABLE "steps" DROP COLUMN "sending_days_only"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "sending_window"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "time_zone"`);
  }
}
