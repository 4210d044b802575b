import { MigrationInterface, QueryRunner } from 'typeorm';

/** The foundation schema: accounts, reps, keys, mailboxes and their vault, prospects, campaigns, the outbox. */
export class Foundation1764262800000 implements MigrationInterface {
  name = 'Foundation1764262800000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "accounts" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "name" text NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_accounts" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "users" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "email" text NOT NULL,
        "name" text NOT NULL DEFAULT '',
        "role" text NOT NULL DEFAULT 'member',
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_users" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_users_account_email" ON "users" ("account_id", "email")`);
    await queryRunner.query(`
      CREATE TABLE "api_keys" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "user_id" uuid,
        "name" text NOT NULL,
        "prefix" text NOT NULL,
        "key_hash" text NOT NULL,
        "last_used_at" TIMESTAMP WITH TIME ZONE,
        "revoked_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_api_keys" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_api_keys_hash" ON "api_keys" ("key_hash")`);
    await queryRunner.query(`
      CREATE TABLE "mailboxes" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "user_id" uuid,
        "email" text NOT NULL,
        "display_name" text NOT NULL DEFAULT '',
        "smtp_host" text NOT NULL,
        "smtp_port" integer NOT NULL,
        "smtp_secure" boolean NOT NULL DEFAULT false,
        "smtp_username" text NOT NULL,
        "imap_host" text NOT NULL,
        "imap_port" integer NOT NULL,
        "imap_secure" boolean NOT NULL DEFAULT false,
        "imap_username" text NOT NULL,
        "daily_limit" integer NOT NULL DEFAULT '50',
        "min_spacing_seconds" integer NOT NULL DEFAULT '60',
        "time_zone" text NOT NULL DEFAULT 'UTC',
        "imap_uid_validity" text,
        "imap_last_uid" bigint NOT NULL DEFAULT '0',
        "last_synced_at" TIMESTAMP WITH TIME ZONE,
        "sync_error" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_mailboxes" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "campaigns" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "name" text NOT NULL,
        "status" text NOT NULL DEFAULT 'draft',
        "mailbox_id" uuid NOT NULL,
        "launched_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_campaigns" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`
      CREATE TABLE "prospects" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "owner_id" uuid,
        "email" text NOT NULL,
        "first_name" text,
        "last_name" text,
        "position" text,
        "company" text,
        "country" text,
        "time_zone" text,
        "custom_fields" jsonb NOT NULL DEFAULT '{}',
        "status" text NOT NULL DEFAULT 'active',
        "restricted" boolean NOT NULL DEFAULT false,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_prospects" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_prospects_account_email" ON "prospects" ("account_id", "email")`);
    await queryRunner.query(`
      CREATE TABLE "enrollments" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "campaign_id" uuid NOT NULL,
        "prospect_id" uuid NOT NULL,
        "status" text NOT NULL DEFAULT 'active',
        "current_step" integer NOT NULL DEFAULT '0',
        "workflow_id" text NOT NULL,
        "stop_reason" text,
        "finished_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_enrollments" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "ix_enrollments_prospect" ON "enrollments" ("prospect_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_enrollments_campaign_prospect" ON "enrollments" ("campaign_id", "prospect_id")`);
    await queryRunner.query(`
      CREATE TABLE "steps" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "campaign_id" uuid NOT NULL,
        "position" integer NOT NULL,
        "kind" text NOT NULL,
        "subject" text,
        "body" text,
        "new_thread" boolean NOT NULL DEFAULT false,
        "wait_amount" integer,
        "wait_unit" text,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_steps" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_steps_campaign_position" ON "steps" ("campaign_id", "position")`);
    await queryRunner.query(`
      CREATE TABLE "messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "enrollment_id" uuid NOT NULL,
        "step_id" uuid NOT NULL,
        "mailbox_id" uuid NOT NULL,
        "status" text NOT NULL DEFAULT 'sending',
        "message_id_header" text NOT NULL,
        "in_reply_to" text,
        "references" text array NOT NULL DEFAULT '{}',
        "from_address" text NOT NULL,
        "to_address" text NOT NULL,
        "subject" text NOT NULL,
        "body_text" text NOT NULL,
        "error" text,
        "smtp_response" text,
        "claimed_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "sent_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_messages" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_messages_message_id" ON "messages" ("message_id_header")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_messages_enrollment_step" ON "messages" ("enrollment_id", "step_id")`);
    await queryRunner.query(`
      CREATE TABLE "inbound_messages" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "account_id" uuid NOT NULL,
        "mailbox_id" uuid NOT NULL,
        "imap_uid_validity" text NOT NULL,
        "imap_uid" bigint NOT NULL,
        "kind" text NOT NULL DEFAULT 'reply',
        "message_id_header" text,
        "in_reply_to_message_id" uuid,
        "enrollment_id" uuid,
        "from_address" text,
        "subject" text NOT NULL,
        "body_text" text NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_inbound_messages" PRIMARY KEY ("id")
      )
    `);
    await queryRunner.query(`CREATE INDEX "ix_inbound_messages_enrollment" ON "inbound_messages" ("enrollment_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_inbound_messages_imap" ON "inbound_messages" ("mailbox_id", "imap_uid_validity", "imap_uid")`);
    await queryRunner.query(`
      CREATE TABLE "mailbox_secrets" (
        "mailbox_id" uuid NOT NULL,
        "key_id" text NOT NULL,
        "wrapped_key" bytea NOT NULL,
        "ciphertext" bytea NOT NULL,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_mailbox_secrets" PRIMARY KEY ("mailbox_id")
      )
    `);
    await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "fk_users_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "fk_api_keys_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "api_keys" ADD CONSTRAINT "fk_api_keys_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mailboxes" ADD CONSTRAINT "fk_mailboxes_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mailboxes" ADD CONSTRAINT "fk_mailboxes_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "fk_campaigns_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "campaigns" ADD CONSTRAINT "fk_campaigns_mailbox" FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "prospects" ADD CONSTRAINT "fk_prospects_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "prospects" ADD CONSTRAINT "fk_prospects_owner" FOREIGN KEY ("owner_id") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrollments" ADD CONSTRAINT "fk_enrollments_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrollments" ADD CONSTRAINT "fk_enrollments_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "enrollments" ADD CONSTRAINT "fk_enrollments_prospect" FOREIGN KEY ("prospect_id") REFERENCES "prospects"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "steps" ADD CONSTRAINT "fk_steps_campaign" FOREIGN KEY ("campaign_id") REFERENCES "campaigns"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "fk_messages_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "fk_messages_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "fk_messages_step" FOREIGN KEY ("step_id") REFERENCES "steps"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "messages" ADD CONSTRAINT "fk_messages_mailbox" FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD CONSTRAINT "fk_inbound_messages_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD CONSTRAINT "fk_inbound_messages_mailbox" FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD CONSTRAINT "fk_inbound_messages_message" FOREIGN KEY ("in_reply_to_message_id") REFERENCES "messages"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "inbound_messages" ADD CONSTRAINT "fk_inbound_messages_enrollment" FOREIGN KEY ("enrollment_id") REFERENCES "enrollments"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    await queryRunner.query(`ALTER TABLE "mailbox_secrets" ADD CONSTRAINT "fk_mailbox_secrets_mailbox" FOREIGN KEY ("mailbox_id") REFERENCES "mailboxes"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "mailbox_secrets"`);
    await queryRunner.query(`DROP TABLE "inbound_messages"`);
    await queryRunner.query(`DROP TABLE "messages"`);
    await queryRunner.query(`DROP TABLE "steps"`);
    await queryRunner.query(`DROP TABLE "enrollments"`);
    await queryRunner.query(`DROP TABLE "prospects"`);
    await queryRunner.query(`DROP TABLE "campaigns"`);
    await queryRunner.query(`DROP TABLE "mailboxes"`);
    await queryRunner.query(`DROP TABLE "api_keys"`);
    await queryRunner.query(`DROP TABLE "users"`);
    await queryRunner.query(`DROP TABLE "accounts"`);
  }
}
