import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A soft bounce the remote server gave up on is sent again later: how many times a message
 * came back that way, and when its next attempt is due (null: none is).
 */
export class SoftBounceResends1764298000000 implements MigrationInterface {
  name = 'SoftBounceResends1764298000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" ADD "soft_bounces" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "resend_at" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "resend_at"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "soft_bounces"`);
  }
}
