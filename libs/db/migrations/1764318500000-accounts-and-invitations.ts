import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Self-service accounts: sign-ups waiting for their address to be confirmed, invitations of
 * people to an account, and when a user's address was confirmed.
 *
 * - signup_requests: one row per address (its keyed hash is unique: signing up again replaces the
 *   token); only the SHA-256 of the mailed token is kept. Verified rows keep `verified_at` and the
 *   account they made, so a used token gets a clear answer; they go with that account.
 * - invitations: one pending invitation per (account, address); accepted ones are deleted (the
 *   user row then exists). `user_id` is set when the invitation sets up an existing user (the
 *   owner of an account staff created), who then only chooses a name and receives a first key.
 */
export class AccountsAndInvitations1764318500000 implements MigrationInterface {
  name = 'AccountsAndInvitations1764318500000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE "users" ADD "email_verified_at" TIMESTAMP WITH TIME ZONE`);
    await queryRunner.query(`
      CREATE TABLE "signup_requests" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "email" text NOT NULL,
        "email_hash" text NOT NULL,
        "name" text NOT NULL,
        "account_name" text NOT NULL,
        "token_hash" text NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "verified_at" TIMESTAMP WITH TIME ZONE,
        "account_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_signup_requests" PRIMARY KEY ("id"),
        CONSTRAINT "fk_signup_requests_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_signup_requests_email_hash" ON "signup_requests" ("email_hash")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_signup_requests_token_hash" ON "signup_requests" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "ix_signup_requests_account" ON "signup_requests" ("account_id")`);
    await queryRunner.query(`
      CREATE TABLE "invitations" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "email" text NOT NULL,
        "role" text NOT NULL,
        "user_id" uuid,
        "invited_by_user_id" uuid,
        "token_hash" text NOT NULL,
        "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_invitations" PRIMARY KEY ("id"),
        CONSTRAINT "fk_invitations_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_invitations_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION,
        CONSTRAINT "fk_invitations_invited_by" FOREIGN KEY ("invited_by_user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invitations_account_email" ON "invitations" ("account_id", "email")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_invitations_token_hash" ON "invitations" ("token_hash")`);
    await queryRunner.query(`CREATE INDEX "ix_invitations_user" ON "invitations" ("user_id")`);
    await queryRunner.query(`CREATE INDEX "ix_invitations_invited_by" ON "invitations" ("invited_by_user_id")`);
    await queryRunner.query(`CREATE INDEX "ix_api_keys_user" ON "api_keys" ("user_id")`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX "ix_api_keys_user"`);
    await queryRunner.query(`DROP TABLE "invitations"`);
    await queryRunner.query(`DROP TABLE "signup_requests"`);
    await queryRunner.query(`ALTER TABLE "users" DROP COLUMN "email_verified_at"`);
  }
}
