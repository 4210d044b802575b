import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The erasure ledger (what `npm run privacy:replay-erasures` re-applies after a restore), and
 * the index erasure needs to find a prospect's unmatched inbound mail by its sender.
 */
export class ErasureLedger1764306000000 implements MigrationInterface {
  name = 'ErasureLedger1764306000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "erasure_ledger" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "request_id" uuid NOT NULL,
        "account_id" uuid,
        "email_hash" text,
        "row_ids" jsonb NOT NULL,
        "workflow_ids" text array NOT NULL DEFAULT '{}',
        "erased_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_erasure_ledger" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`CREATE INDEX "ix_erasure_ledger_erased_at" ON "erasure_ledger" ("erased_at", "id")`);
    await queryRunner.query(`CREATE INDEX "ix_inbound_messages_account_from" ON "inbound_messages" ("account_id", "from_address")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_inbound_messages_account_from"`);
    await queryRunner.query(`DROP TABLE "erasure_ledger"`);
  }
}
