import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A campaign pauses itself when too many of its emails bounce (default: over 8 % after 50
 * sends), and says why: protecting the sender's reputation before the provider does.
 */
export class BounceGuard1764293000000 implements MigrationInterface {
  name = 'BounceGuard1764293000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "bounce_rate_limit" double precision NOT NULL DEFAULT 0.08`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "bounce_rate_min_sends" integer NOT NULL DEFAULT 50`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "pause_reason" text`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "pause_reason"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "bounce_rate_min_sends"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "bounce_rate_limit"`);
  }
}
