import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Open and click tracking:
 * - campaigns.tracking_enabled (on by default, as in the products reps know) and
 *   campaigns / accounts.tracking_domain: a customer's own host (track.acme.com, a CNAME to
 *   Relance) for the pixel and links, the campaign's before the account's; null: API_PUBLIC_URL.
 * - messages.tracking_base_url: where this email's pixel and links point, decided when the row
 *   is claimed; null when the email is not tracked (plain text only). Every existing message
 *   was sent as plain text, so null is true of them.
 * - messages.tracked_links: the distinct links of the body, in order; a click token names an
 *   index in this list, and the click route redirects only to an entry of it.
 */
export class TrackingSettings1764291600000 implements MigrationInterface {
  name = 'TrackingSettings1764291600000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "accounts" ADD "tracking_domain" text`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "tracking_enabled" boolean NOT NULL DEFAULT true`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD "tracking_domain" text`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "tracking_base_url" text`);
    await queryRunner.query(`ALTER TABLE "messages" ADD "tracked_links" text array NOT NULL DEFAULT '{}'`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "tracked_links"`);
    await queryRunner.query(`ALTER TABLE "messages" DROP COLUMN "tracking_base_url"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "tracking_domain"`);
    await queryRunner.query(`ALTER TABLE "campaigns" DROP COLUMN "tracking_enabled"`);
    await queryRunner.query(`ALTER TABLE "accounts" DROP COLUMN "tracking_domain"`);
  }
}
