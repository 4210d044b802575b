import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A launch that chooses its prospects by criteria (company, country, time zone, when they were
 * added) stores them here; its workflow carries only the row's id.
 */
export class LaunchFilters1764301000000 implements MigrationInterface {
  name = 'LaunchFilters1764301000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "launch_filters" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "campaign_id" uuid NOT NULL,
        "criteria" jsonb NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_launch_filters" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      ALTER TABLE "launch_filters" ADD CONSTRAINT "fk_launch_filters_campaign"
        FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "launch_filters"`);
  }
}
