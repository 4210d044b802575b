import { MigrationInterface, QueryRunner } from 'typeorm';

/** Console sign-in: an argon2id password hash per staff member, and the lockout counters. */
export class StaffPasswords1764312000000 implements MigrationInterface {
  name = 'StaffPasswords1764312000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_users" ADD "password_hash" text`);
    await queryRunner.query(`ALTER TABLE "staff_users" ADD "failed_logins" integer NOT NULL DEFAULT 0`);
    await queryRunner.query(`ALTER TABLE "staff_users" ADD "locked_until" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`ALTER TABLE "staff_users" ADD CONSTRAINT "ck_staff_users_failed_logins" CHECK ("failed_logins" >= 0)`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "staff_users" DROP CONSTRAINT "ck_staff_users_failed_logins"`);
    await queryRunner.query(`ALTER TABLE "staff_users" DROP COLUMN "locked_until"`);
    await queryRunner.query(`ALTER TABLE "staff_users" DROP COLUMN "failed_logins"`);
    await queryRunner.query(`ALTER TABLE "staff_users" DROP COLUMN "password_hash"`);
  }
}
