import { MigrationInterface, QueryRunner } from 'typeorm';

/** Why and until when a running enrollment waits, for the rep to read (see EnrollmentWaitReason). */
export class EnrollmentWaits1764300500000 implements MigrationInterface {
  name = 'EnrollmentWaits1764300500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrollments" ADD "waiting_reason" text`);
    await queryRunner.query(`ALTER TABLE "enrollments" ADD "waiting_until" TIMESTAMP WITH TIME ZONE`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "enrollments" DROP COLUMN "waiting_until"`);
    await queryRunner.query(`ALTER TABLE "enrollments" DROP COLUMN "waiting_reason"`);
  }
}
