import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type Stripe from 'stripe';
import type { BillingConfig } from '@relance/config';
import { effectOf, type StoredSubscriptionState } from './stripe-event-effects';

const billing = {
  plans: [{ key: 'starter', name: 'Starter', priceId: 'price_s', trialDays: 0, limits: { mailboxes: 1, activeProspects: 1, monthlyEmails: 1 } }],
} as unknown as BillingConfig;
const event = (type: string, created: number, object: object) => ({ id: `evt_${created}`, type, created, data: { object } }) as unknown as Stripe.Event;
const subscription = (status: string) => ({
  id: 'sub_1', customer: 'cus_1', status, trial_end: null, items: { data: [{ price: { id: 'price_s' }, current_period_end: 1_800_000_000 }] },
});
const decide = (e: Stripe.Event, current: StoredSubscriptionState) => {
  const effect = effectOf(e, billing);
  assert.equal(effect.kind, 'subscription');
  return effect.kind === 'subscription' ? effect.decide(current) : null;
};
const stored = (at: number | null, status: string | null = 'active', lapsedSince: Date | null = null) =>
  ({ status, lapsedSince, stateAsOf: at === null ? null : new Date(at * 1000) });

describe('what a Stripe event changes', () => {
  it('a subscription update sets status, plan and period end, as of the event', () => {
    assert.deepEqual(decide(event('customer.subscription.updated', 1000, subscription('active')), stored(null)), {
      stripeSubscriptionId: 'sub_1', status: 'active', priceId: 'price_s', planKey: 'starter', trialEndsAt: null,
      currentPeriodEnd: new Date(1_800_000_000_000), lapsedSince: null, stateAsOf: new Date(1_000_000),
    });
  });

  it('an event older than the stored state is stale', () => {
    assert.equal(decide(event('customer.subscription.updated', 999, subscription('canceled')), stored(1000)), 'stale');
    assert.equal(decide(event('invoice.paid', 999, { customer: 'cus_1' }), stored(1000, 'past_due', new Date(0))), 'stale');
  });

  it('a failed payment lapses an active subscription from the event on; paying again ends the lapse', () => {
    const failed = decide(event('invoice.payment_failed', 2000, { customer: 'cus_1' }), stored(1000));
    assert.deepEqual(failed, { status: 'past_due', lapsedSince: new Date(2_000_000), stateAsOf: new Date(2_000_000) });
    const paid = decide(event('invoice.paid', 3000, { customer: 'cus_1' }), stored(2000, 'past_due', new Date(2_000_000)));
    assert.deepEqual(paid, { status: 'active', lapsedSince: null, stateAsOf: new Date(3_000_000) });
  });

  it('a lapse keeps the date it began while the subscription stays lapsed', () => {
    const since = new Date(2_000_000);
    const patch = decide(event('customer.subscription.updated', 4000, subscription('unpaid')), stored(3000, 'past_due', since));
    assert.equal(patch !== 'stale' && patch?.lapsedSince, since);
  });

  it('types Relance does not act on are ignored', () => {
    assert.deepEqual(effectOf(event('customer.created', 1, { id: 'cus_1' }), billing), { kind: 'ignored' });
  });
});
