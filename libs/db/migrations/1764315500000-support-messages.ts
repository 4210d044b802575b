import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Support conversations grow messages: who wrote (a customer's user or a staff member) and
 * what. A conversation may now exist without an account (staff open one from an e-mail, with
 * the address to answer, and attach it later). Each old conversation's body becomes its first
 * message, written by nobody we know.
 */
export class SupportMessages1764315500000 implements MigrationInterface {
  name = 'SupportMessages1764315500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "support_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "conversation_id" uuid NOT NULL,
        "author_user_id" uuid,
        "author_staff_id" uuid,
        "body" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_support_messages_one_author" CHECK ("author_user_id" IS NULL OR "author_staff_id" IS NULL),
        CONSTRAINT "pk_support_messages" PRIMARY KEY ("id"),
        CONSTRAINT "fk_support_messages_conversation" FOREIGN KEY ("conversation_id") REFERENCES "support_conversations"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_support_messages_user" FOREIGN KEY ("author_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION,
        CONSTRAINT "fk_support_messages_staff" FOREIGN KEY ("author_staff_id") REFERENCES "staff_users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_support_messages_conversation" ON "support_messages" ("conversation_id", "created_at")`);
    await queryRunner.query(`CREATE INDEX "ix_support_messages_user" ON "support_messages" ("author_user_id")`);
    await queryRunner.query(`CREATE INDEX "ix_support_messages_staff" ON "support_messages" ("author_staff_id")`);
    await queryRunner.query(`ALTER TABLE "support_conversations" ADD "contact_email" text`);
    await queryRunner.query(`ALTER TABLE "support_conversations" ADD "last_message_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()`);
    await queryRunner.query(`UPDATE "support_conversations" SET "last_message_at" = "created_at"`);
    await queryRunner.query(`CREATE INDEX "ix_support_conversations_last_message" ON "support_conversations" ("last_message_at")`);
    await queryRunner.query(`
      INSERT INTO "support_messages" ("conversation_id", "body", "created_at")
      SELECT "id", "body", "created_at" FROM "support_conversations"`);
    await queryRunner.query(`ALTER TABLE "support_conversations" DROP COLUMN "body"`);
    await queryRunner.query(`ALTER TABLE "support_conversations" ALTER COLUMN "account_id" DROP NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "support_conversations" WHERE "account_id" IS NULL`);
    await queryRunner.query(`ALTER TABLE "support_conversations" ALTER COLUMN "account_id" SET NOT NULL`);
    await queryRunner.query(`ALTER TABLE "support_conversations" ADD "body" text NOT NULL DEFAULT ''`);
    await queryRunner.query(`
      UPDATE "support_conversations" sc SET "body" = (
        SELECT string_agg(m."body", E'\\n\\n' ORDER BY m."created_at") FROM "support_messages" m WHERE m."conversation_id" = sc."id")
      WHERE EXISTS (SELECT 1 FROM "support_messages" m WHERE m."conversation_id" = sc."id")`);
    await queryRunner.query(`ALTER TABLE "support_conversations" ALTER COLUMN "body" DROP DEFAULT`);
    await queryRunner.query(`DROP INDEX "ix_support_conversations_last_message"`);
    await queryRunner.query(`ALTER TABLE "support_conversations" DROP COLUMN "last_message_at"`);
    await queryRunner.query(`ALTER TABLE "support_conversations" DROP COLUMN "contact_email"`);
    await queryRunner.query(`DROP TABLE "support_messages"`);
  }
}
