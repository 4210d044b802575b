import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What reply processing keeps once inbound mail is classified:
 * - inbound_messages.kind is reply, auto_reply or bounce (checked); body_text holds only what
 *   the sender wrote and quoted_text the history their client quoted; to_addresses who it was
 *   written to; auto_reply_until the return date an auto-reply gave (null when it gave none);
 *   bounce_status / bounce_diagnostic the enhanced status (5.1.1) and the remote server's words.
 * - enrollments.paused_until: an out-of-office reply holds the next email until then.
 * Every existing row is a reply, so the check holds; the new columns are null or empty.
 */
export class InboundClassification1764290000000 implements MigrationInterface {
  name = 'InboundClassification1764290000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD "quoted_text" text`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD "to_addresses" text array NOT NULL DEFAULT '{}'`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD "auto_reply_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD "bounce_status" text`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD "bounce_diagnostic" text`);
    await queryRunner.query(
      `ALTER TABLE "inbound_messages" ADD CONSTRAINT "ck_inbound_messages_kind" CHECK ("kind" IN ('reply', 'auto_reply', 'bounce'))`,
    );
    await queryRunner.query(`ALTER TABLE "enrollments" ADD "paused_until" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrollments" DROP COLUMN "paused_until"`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP CONSTRAINT "ck_inbound_messages_kind"`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP COLUMN "bounce_diagnostic"`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP COLUMN "bounce_status"`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP COLUMN "auto_reply_until"`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP COLUMN "to_addresses"`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP COLUMN "quoted_text"`);
  }
}
