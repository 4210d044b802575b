import { MigrationInterface, QueryRunner } from 'typeorm';

/** The staff console's sessions: ids and cookie settings only, removed with their member. */
export class ConsoleSessions1764312100000 implements MigrationInterface {
  name = 'ConsoleSessions1764312100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "console_sessions" (
        "sid" text NOT NULL,
        "staff_user_id" uuid NOT NULL,
        "cookie" jsonb NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_console_sessions" PRIMARY KEY ("sid"),
        CONSTRAINT "fk_console_sessions_staff_user" FOREIGN KEY ("staff_user_id") REFERENCES "staff_users"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE INDEX "ix_console_sessions_staff_user" ON "console_sessions" ("staff_user_id")`);
    await queryRunner.query(`CREATE INDEX "ix_console_sessions_expires" ON "console_sessions" ("expires_at")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "console_sessions"`);
  }
}
