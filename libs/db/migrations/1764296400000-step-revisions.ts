import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Editing a running campaign: steps not yet reached are retired (kept, since nothing points at
 * them but history) and replaced; only live steps must have distinct positions.
 */
export class StepRevisions1764296400000 implements MigrationInterface {
  name = 'StepRevisions1764296400000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "steps" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`DROP INDEX "uq_steps_campaign_position"`);
    await queryRunner.query(
      `CREATE UNIQUE INDEX "uq_steps_campaign_position" ON "steps" ("campaign_id", "position") WHERE retired_at IS NULL`,
    );
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DELETE FROM "steps" WHERE "retired_at" IS NOT NULL`);
    await queryRunner.query(`DROP INDEX "uq_steps_campaign_position"`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_steps_campaign_position" ON "steps" ("campaign_id", "position")`);
    await queryRunner.query(`ALTER TABLE "steps" DROP COLUMN "retired_at"`);
  }
}
