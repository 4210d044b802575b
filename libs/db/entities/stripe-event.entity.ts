import { Column, Entity, PrimaryColumn } from 'typeorm';

/** What became of a webhook event: applied, older than the state it would change, or of a type Relance ignores. */
export type StripeEventOutcome = 'applied' | 'stale' | 'ignored';

/** The ledger of Stripe webhook events: a redelivered event finds its id here and is not processed again. */
@Entity({ name: 'stripe_events' })
export class StripeEvent {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_stripe_events' }) id: string;
  @Column({ type: 'text' }) type: string;
  @Column({ name: 'stripe_created', type: 'timestamptz' }) stripeCreated: Date;
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  @Column({ type: 'text' }) outcome: StripeEventOutcome;
  @Column({ name: 'received_at', type: 'timestamptz', default: () => 'now()' }) receivedAt: Date;
}
