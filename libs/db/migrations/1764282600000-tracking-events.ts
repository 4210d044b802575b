import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Opens, clicks and unsubscribes per message. Stats ask "has this message at least one event
 * of this kind?" for every message of a campaign: (message_id, kind) answers that from the
 * index alone, and also serves the cascade when a message is deleted.
 */
export class TrackingEvents1764282600000 implements MigrationInterface {
  name = 'TrackingEvents1764282600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "tracking_events" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "message_id" uuid NOT NULL,
        "kind" text NOT NULL,
        "url" text,
        "ip_anonymised" text,
        "country" text,
        "user_agent" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_tracking_events_kind" CHECK ("kind" IN ('open', 'click', 'unsubscribe')),
        CONSTRAINT "pk_tracking_events" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "ix_tracking_events_message_kind" ON "tracking_events" ("message_id", "kind")`);
    await queryRunner.query(`ALTER TABLE "tracking_events" ADD CONSTRAINT "fk_tracking_events_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "tracking_events" ADD CONSTRAINT "fk_tracking_events_message" FOREIGN KEY ("message_id") REFERENCES "messages"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "tracking_events"`);
  }
}
