import { MigrationInterface, QueryRunner } from 'typeorm';

/** Relance's own staff and their tokens (stored as SHA-256 only). */
export class StaffIdentities1764307100000 implements MigrationInterface {
  name = 'StaffIdentities1764307100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "staff_users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text NOT NULL,
        "display_name" text NOT NULL,
        "role" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "disabled_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_staff_users" PRIMARY KEY ("id"),
        CONSTRAINT "ck_staff_users_role" CHECK ("role" IN ('support', 'operator', 'admin'))
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_users_email" ON "staff_users" ("email")`);
    await queryRunner.query(`
      CREATE TABLE "staff_tokens" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "staff_user_id" uuid NOT NULL,
        "token_hash" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        CONSTRAINT "pk_staff_tokens" PRIMARY KEY ("id"),
        CONSTRAINT "fk_staff_tokens_staff_user" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_staff_tokens_hash" ON "staff_tokens" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "ix_staff_tokens_staff_user" ON "staff_tokens" ("staff_user_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "staff_tokens"`);
    await queryRunner.query(`DROP TABLE "staff_users"`);
  }
}
