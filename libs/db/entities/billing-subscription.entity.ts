import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { CreatedAt, UpdatedAt } from './columns';

/**
 * An account's subscription as Stripe last told it (Billing1764318000000). Only Stripe's ids,
 * the status, the plan and dates: card data never reaches Relance. Kept after the account's
 * purge (no foreign key), as accounting law requires.
 */
@Entity({ name: 'billing_subscriptions' })
export class BillingSubscription {
  @PrimaryColumn({ name: 'account_id', type: 'uuid', primaryKeyConstraintName: 'pk_billing_subscriptions' }) accountId: string;
  @Index('uq_billing_subscriptions_customer', { unique: true })
  @Column({ name: 'stripe_customer_id', type: 'text' }) stripeCustomerId: string;
  @Index('uq_billing_subscriptions_subscription', { unique: true })
  @Column({ name: 'stripe_subscription_id', type: 'text', nullable: true }) stripeSubscriptionId: string | null;
  /** Stripe's subscription status (trialing, active, past_due, unpaid, canceled…); null: no subscription yet. */
  @Column({ type: 'text', nullable: true }) status: string | null;
  /** The configured plan its price belongs to (BILLING_PLANS); null when the price is no plan's. */
  @Column({ name: 'plan_key', type: 'text', nullable: true }) planKey: string | null;
  @Column({ name: 'price_id', type: 'text', nullable: true }) priceId: string | null;
  @Column({ name: 'trial_ends_at', type: 'timestamptz', nullable: true }) trialEndsAt: Date | null;
  @Column({ name: 'current_period_end', type: 'timestamptz', nullable: true }) currentPeriodEnd: Date | null;
  /** Since when it is unpaid or ended; sending pauses once the grace period has passed. */
  @Column({ name: 'lapsed_since', type: 'timestamptz', nullable: true }) lapsedSince: Date | null;
  /** The `created` of the newest Stripe event applied: older ones arriving late change nothing. */
  @Column({ name: 'state_as_of', type: 'timestamptz', nullable: true }) stateAsOf: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
