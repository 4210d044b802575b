import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Mailboxes can be disabled (they send nothing; their sync goes on, so replies still stop
 * sequences) and get a sending window of their own, in their time zone, on top of each
 * campaign's: `{ days, hours }` as campaigns store theirs; null: any time.
 */
export class MailboxEdits1764301100000 implements MigrationInterface {
  name = 'MailboxEdits1764301100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mailboxes" ADD "disabled" boolean NOT NULL DEFAULT false`);
    await queryRunner.query(`ALTER TABLE "mailboxes" ADD "sending_window" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mailboxes" DROP COLUMN "sending_window"`);
    await queryRunner.query(`ALTER TABLE "mailboxes" DROP COLUMN "disabled"`);
  }
}
