import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What campaign stats and paged lists read, indexed:
 * - messages (step_id, status): stats count a campaign's sent messages step by step; the
 *   only index starting with step_id did not exist (the unique one starts with enrollment_id).
 * - inbound_messages (in_reply_to_message_id, kind): "was this message replied to / bounced?"
 *   per message; it also spares a scan of inbound_messages when a message is deleted (the
 *   foreign key sets it to null).
 * - enrollments (campaign_id, created_at, id): a campaign's enrollments in list order, so a
 *   page after a cursor is an index range instead of a sort of the whole campaign.
 * And messages.variant: the A/B variant a message was written from. Every message so far is
 * 'A' (steps have one variant each); adding a column with a constant default rewrites nothing.
 */
export class CampaignStats1764282660000 implements MigrationInterface {
  name = 'CampaignStats1764282660000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" ADD "variant" text NOT NULL DEFAULT 'A'`);
    await queryRunner.query(`CREATE INDEX "ix_messages_step_status" ON "messages" ("step_id", "status")`);
    await queryRunner.query(`CREATE INDEX "ix_inbound_messages_reply_to" ON "inbound_messages" ("in_reply_to_message_id", "kind")`);
    await queryRunner.query(`CREATE INDEX "ix_enrollments_campaign_created" ON "enrollments" ("campaign_id", "created_at", "id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_enrollments_campaign_created"`);
    await queryRunner.query(`DROP INDEX "ix_inbound_messages_reply_to"`);
    await queryRunner.query(`DROP INDEX "ix_messages_step_status"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "variant"`);
  }
}
