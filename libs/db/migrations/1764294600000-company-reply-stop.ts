import { MigrationInterface, QueryRunner } from 'typeorm';

/** A campaign option: a reply from anyone at a company ends the sequences of their colleagues. */
export class CompanyReplyStop1764294600000 implements MigrationInterface {
  name = 'CompanyReplyStop1764294600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "stop_on_company_reply" boolean NOT NULL DEFAULT false`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "stop_on_company_reply"`);
  }
}
