import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Referrals: a colleague's answer that the prospect left is stored as a reply marked `referral`,
 * and the colleague it offers becomes a suggestion the rep accepts (a new prospect, enrolled) or
 * dismisses. One pending suggestion per address and account; the email and name are personal data.
 */
export class ProspectSuggestions1764305000000 implements MigrationInterface {
  name = 'ProspectSuggestions1764305000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD "referral" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`
      CREATE TABLE "prospect_suggestions" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "campaign_id" uuid NOT NULL,
        "source_inbound_message_id" uuid,
        "departed_prospect_id" uuid,
        "email" text NOT NULL,
        "name" text,
        "status" text NOT NULL DEFAULT 'pending',
        "created_prospect_id" uuid,
        "enrollment_id" uuid,
        "decided_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "ck_prospect_suggestions_status" CHECK ("status" IN ('pending', 'accepted', 'dismissed')),
        CONSTRAINT "pk_prospect_suggestions" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(
      `CREATE INDEX "ix_prospect_suggestions_account_status_created" ON "prospect_suggestions" ("account_id", "status", "created_at", "id")`,
    );
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_prospect_suggestions_pending_email" ON "prospect_suggestions" ("account_id", "email") WHERE status = 'pending'`,
    );
    const foreignKeys: [string, string, string, string][] = [
      ['fk_prospect_suggestions_account', 'account_id', 'accounts', 'CASCADE'],
      ['fk_prospect_suggestions_campaign', 'campaign_id', 'campaigns', 'CASCADE'],
      ['fk_prospect_suggestions_source', 'source_inbound_message_id', 'inbound_messages', 'SET NULL'],
      ['fk_prospect_suggestions_departed', 'departed_prospect_id', 'prospects', 'SET NULL'],
      ['fk_prospect_suggestions_created_prospect', 'created_prospect_id', 'prospects', 'SET NULL'],
      ['fk_prospect_suggestions_enrollment', 'enrollment_id', 'enrollments', 'SET NULL'],
    ];
    for (const [name, column, table, onDelete] of foreignKeys) {
      await queryRunner.query(
        `ALTER TABLE "prospect_suggestions" ADD CONSTRAINT "${name}" FOREIGN KEY ("${column}") REFERENCES "${table}"("id") ON DELETE ${onDelete} ON UPDATE NO ACTION`,
      );
    }
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "prospect_suggestions"`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" DROP COLUMN "referral"`);
  }
}
