import { MigrationInterface, QueryRunner } from 'typeorm';

/** Who keeps the copy of sent mail in the Sent folder: the server itself, or Relance. */
export class MailboxSentCopy1764266400000 implements MigrationInterface {
  name = 'MailboxSentCopy1764266400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mailboxes" ADD "sent_copy" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "mailboxes" DROP COLUMN "sent_copy"`);
  }
}
