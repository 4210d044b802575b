import { MigrationInterface, QueryRunner } from 'typeorm';

/** A/B variants of an email step (null: the one variant 'A', from subject and body). */
export class StepVariants1764292000000 implements MigrationInterface {
  name = 'StepVariants1764292000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "steps" ADD "variants" jsonb`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "steps" DROP COLUMN "variants"`);
  }
}
