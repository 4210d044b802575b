import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { BillingSubscription } from '../entities/billing-subscription.entity';
import type { StripeEventOutcome } from '../entities/stripe-event.entity';

/** A verified Stripe event, as the ledger records it. */
export interface StripeEventHeader {
  id: string;
  type: string;
  created: Date;
}

/**
 * The row an event concerns (its Stripe customer; a Checkout Session also names its account) and
 * what it changes there, given the row as stored: 'stale' when the event is older than its state.
 */
export interface EventTarget<P> {
  customerId: string;
  accountId: string | null;
  decide(row: BillingSubscription): P | 'stale';
}

/** What the caller decides for an event, given the row it concerns (null: no account known). */
export type EventDecision<P> =
  | { outcome: 'ignored' }
  | { outcome: 'stale'; accountId: string }
  | { outcome: 'applied'; accountId: string; patch: P };

/** The account's subscription and how much of its plan it uses; Stripe's side is never read here. */
@Injectable()
export class BillingRepository {
  constructor(private readonly dataSource: DataSource) {}

  findSubscription(accountId: string): Promise<BillingSubscription | null> {
    return this.dataSource.getRepository(BillingSubscription).findOneBy({ accountId });
  }

  /** Records the account's Stripe customer (created for its first Checkout); the first one recorded stays. */
  async recordCustomer(accountId: string, stripeCustomerId: string): Promise<BillingSubscription> {
    await this.dataSource.query(
      `INSERT INTO billing_subscriptions (account_id, stripe_customer_id) VALUES ($1, $2) ON CONFLICT (account_id) DO NOTHING`,
      [accountId, stripeCustomerId],
    );
    return (await this.findSubscription(accountId))!;
  }

  /**
   * Processes an event once: its id enters the ledger first (a redelivery finds it there and
   * changes nothing: 'duplicate'), then the row of its customer is locked and the target's
   * `decide` says what to change (no target: a type Relance ignores). One transaction: should it fail, the ledger forgets the event and Stripe's retry
   * processes it.
   */
  async processEvent<P extends Partial<BillingSubscription>>(
    event: StripeEventHeader,
    target: EventTarget<P> | null,
  ): Promise<StripeEventOutcome | 'duplicate'> {
    return this.dataSource.transaction(async (manager) => {
      const inserted = await manager.query(
        `INSERT INTO stripe_events (id, type, stripe_created, outcome) VALUES ($1, $2, $3, 'ignored')
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [event.id, event.type, event.created],
      );
      if (inserted.length === 0) return 'duplicate';
      const decision = target ? await this.decideFor(manager, target) : { outcome: 'ignored' as const };
      if (decision.outcome === 'applied') {
        await manager.getRepository(BillingSubscription).update({ accountId: decision.accountId }, decision.patch);
      }
      await manager.query(`UPDATE stripe_events SET outcome = $2, account_id = $3 WHERE id = $1`, [
        event.id, decision.outcome, decision.outcome === 'ignored' ? null : decision.accountId,
      ]);
      return decision.outcome;
    });
  }

  private async decideFor<P>(manager: EntityManager, target: EventTarget<P>): Promise<EventDecision<P>> {
    const subscriptions = manager.getRepository(BillingSubscription);
    if (target.accountId) {
      // A Checkout Session names its account: the customer is recorded if the checkout route could not.
      await manager.query(
        `INSERT INTO billing_subscriptions (account_id, stripe_customer_id)
         SELECT $1, $2 WHERE EXISTS (SELECT 1 FROM accounts WHERE id = $1) ON CONFLICT DO NOTHING`,
        [target.accountId, target.customerId],
      );
    }
    const row = await subscriptions.findOne({
      where: { stripeCustomerId: target.customerId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) return { outcome: 'ignored' };
    const patch = target.decide(row);
    return patch === 'stale' ? { outcome: 'stale', accountId: row.accountId } : { outcome: 'applied', accountId: row.accountId, patch };
  }

  /** What the account uses of its plan's limits now; `month`: the calendar month (UTC) its emails count in. */
  async usage(accountId: string, month: string): Promise<{ mailboxes: number; activeProspects: number; monthlyEmails: number }> {
    const [row] = await this.dataSource.query(
      `SELECT (SELECT count(*)::int FROM mailboxes WHERE account_id = $1) AS mailboxes,
              (${ACTIVE_PROSPECTS_SQL}) AS active_prospects,
              COALESCE((SELECT emails FROM billing_monthly_usage WHERE account_id = $1 AND month = $2), 0) AS monthly_emails`,
      [accountId, month],
    );
    return { mailboxes: row.mailboxes, activeProspects: row.active_prospects, monthlyEmails: row.monthly_emails };
  }

  async countMailboxes(accountId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM mailboxes WHERE account_id = $1`, [accountId]);
    return row.n;
  }

  async countActiveProspects(accountId: string): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT (${ACTIVE_PROSPECTS_SQL}) AS n`, [accountId]);
    return row.n;
  }
}

/**
 * Active prospects of account $1: those with at least one enrollment still running (active or
 * paused), i.e. enrolled and not yet replied, bounced, completed, stopped or failed.
 */
export const ACTIVE_PROSPECTS_SQL =
  `SELECT count(DISTINCT prospect_id)::int FROM enrollments WHERE account_id = $1 AND status IN ('active', 'paused')`;
