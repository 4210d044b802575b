import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BillingConfig } from '@relance/config';
import { billingHold } from './claim-hold';
import { NO_PLAN, planOf, UNLIMITED_PLAN } from './plans';
import { nextMonthStart, usageMonth } from './usage-month';

const DAY = 86_400_000;
const billing: BillingConfig = {
  secretKey: 'sk_test_x', webhookSecret: 'whsec_x', api: { protocol: 'https', host: 'api.stripe.com', port: 443 },
  plans: [{ key: 'starter', name: 'Starter', priceId: 'price_s', trialDays: 0, limits: { mailboxes: 3, activeProspects: 10, monthlyEmails: 100 } }],
  gracePeriodMs: 7 * DAY, webhookToleranceMs: 300_000,
};
const now = new Date('2026-12-20T10:00:00Z');
const active = { status: 'active', planKey: 'starter', lapsedSince: null };

describe('billing at the send claim', () => {
  it('holds nothing with billing off, whatever the usage', () => {
    assert.equal(billingHold(null, { subscription: null, emailsThisMonth: 1e9 }, now, 3_600_000), null);
    assert.equal(planOf(null, null), UNLIMITED_PLAN);
  });

  it('lets an active subscription under its cap send', () => {
    assert.equal(billingHold(billing, { subscription: active, emailsThisMonth: 99 }, now, 3_600_000), null);
  });

  it('defers at the monthly cap, reading again after the recheck interval or at the next month, whichever is first', () => {
    assert.deepEqual(billingHold(billing, { subscription: active, emailsThisMonth: 100 }, now, 3_600_000), {
      kind: 'deferred', reason: 'monthly_email_cap', until: new Date('2026-12-20T11:00:00Z'), queued: false,
    });
    assert.deepEqual(billingHold(billing, { subscription: active, emailsThisMonth: 100 }, now, 30 * DAY), {
      kind: 'deferred', reason: 'monthly_email_cap', until: new Date('2027-01-01T00:00:00Z'), queued: false,
    });
  });

  it('keeps sending through the grace period of a lapsed subscription, then pauses', () => {
    const lapsed = (days: number) => ({ status: 'past_due', planKey: 'starter', lapsedSince: new Date(now.getTime() - days * DAY) });
    assert.equal(billingHold(billing, { subscription: lapsed(6), emailsThisMonth: 0 }, now, 1000), null);
    assert.deepEqual(billingHold(billing, { subscription: lapsed(7), emailsThisMonth: 0 }, now, 1000), { kind: 'paused', reason: 'billing_lapsed' });
  });

  it('pauses an account with no subscription, whose plan allows nothing', () => {
    assert.deepEqual(billingHold(billing, { subscription: null, emailsThisMonth: 0 }, now, 1000), { kind: 'paused', reason: 'billing_lapsed' });
    assert.equal(planOf(billing, null), NO_PLAN);
    assert.equal(planOf(billing, { status: 'active', planKey: 'gone', lapsedSince: null }), NO_PLAN);
  });

  it('counts months in UTC', () => {
    assert.equal(usageMonth(new Date('2026-12-31T23:59:59Z')), '2026-12');
    assert.equal(nextMonthStart(new Date('2026-12-31T23:59:59Z')).toISOString(), '2027-01-01T00:00:00.000Z');
  });
});
