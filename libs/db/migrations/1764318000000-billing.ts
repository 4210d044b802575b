import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Billing through Stripe. Nothing here can hold card data: only Stripe's ids, the subscription's
 * status, price and dates.
 *
 * - billing_subscriptions: one row per account that went to Checkout; the newest state Stripe
 *   sent (state_as_of: that event's `created`, so an older event arriving late changes nothing)
 *   and since when it is unpaid or ended (lapsed_since). No foreign key to accounts: billing
 *   records outlive an account's purge, as accounting law requires.
 * - stripe_events: the ledger of webhook events, each processed once.
 * - billing_monthly_usage: emails claimed per account and calendar month (UTC), the monthly cap's
 *   counter, locked by the send claim; gone with the account.
 */
export class Billing1764318000000 implements MigrationInterface {
  name = 'Billing1764318000000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE "billing_subscriptions" (
        "account_id" uuid NOT NULL,
        "stripe_customer_id" text NOT NULL,
        "stripe_subscription_id" text,
        "status" text,
        "plan_key" text,
        "price_id" text,
        "trial_ends_at" TIMESTAMP WITH TIME ZONE,
        "current_period_end" TIMESTAMP WITH TIME ZONE,
        "lapsed_since" TIMESTAMP WITH TIME ZONE,
        "state_as_of" TIMESTAMP WITH TIME ZONE,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_billing_subscriptions" PRIMARY KEY ("account_id")
      )`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_billing_subscriptions_customer" ON "billing_subscriptions" ("stripe_customer_id")`);
    await queryRunner.query(`CREATE UNIQUE INDEX "uq_billing_subscriptions_subscription" ON "billing_subscriptions" ("stripe_subscription_id")`);
    await queryRunner.query(`
      CREATE TABLE "stripe_events" (
        "id" text NOT NULL,
        "type" text NOT NULL,
        "stripe_created" TIMESTAMP WITH TIME ZONE NOT NULL,
        "account_id" uuid,
        "outcome" text NOT NULL,
        "received_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "pk_stripe_events" PRIMARY KEY ("id")
      )`);
    await queryRunner.query(`
      CREATE TABLE "billing_monthly_usage" (
        "account_id" uuid NOT NULL,
        "month" text NOT NULL,
        "emails" integer NOT NULL DEFAULT 0,
        CONSTRAINT "pk_billing_monthly_usage" PRIMARY KEY ("account_id", "month"),
        CONSTRAINT "fk_billing_monthly_usage_account" FOREIGN KEY ("account_id") REFERENCES "accounts"("id") ON DELETE CASCADE ON UPDATE NO ACTION
      )`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE "billing_monthly_usage"`);
    await queryRunner.query(`DROP TABLE "stripe_events"`);
    await queryRunner.query(`DROP TABLE "billing_subscriptions"`);
  }
}
