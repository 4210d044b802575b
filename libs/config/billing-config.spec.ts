import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from './config';
import { problemsOf, requiredEnv } from './config-spec-env';

const STARTER = { key: 'starter', name: 'Starter', priceId: 'price_starter', trialDays: 14, limits: { mailboxes: 3, activeProspects: 1000, monthlyEmails: null } };
const enabled = (plans: unknown = [STARTER]) => ({
  STRIPE_SECRET_KEY: 'sk_test_abc', STRIPE_WEBHOOK_SECRET: 'whsec_abc', BILLING_PLANS: JSON.stringify(plans),
});

describe('configuration of billing', () => {
  it('is off without a Stripe key: every account unlimited', () => {
    assert.equal(loadConfig(requiredEnv()).billing, null);
  });

  it('reads the key, the secret, the plans, the grace period and where the API is', () => {
    const billing = loadConfig({ ...requiredEnv(), ...enabled(), STRIPE_API_BASE: 'http://127.0.0.1:4010', BILLING_GRACE_PERIOD: '3d' }).billing;
    assert.deepEqual(billing, {
      secretKey: 'sk_test_abc',
      webhookSecret: 'whsec_abc',
      api: { protocol: 'http', host: '127.0.0.1', port: 4010 },
      plans: [STARTER],
      gracePeriodMs: 3 * 86_400_000,
      webhookToleranceMs: 300_000,
    });
  });

  it('defaults to Stripe\'s own API and a 7-day grace period', () => {
    const billing = loadConfig({ ...requiredEnv(), ...enabled() }).billing!;
    assert.deepEqual(billing.api, { protocol: 'https', host: 'api.stripe.com', port: 443 });
    assert.equal(billing.gracePeriodMs, 7 * 86_400_000);
  });

  it('refuses what is missing or malformed, naming the variable', () => {
    assert.deepEqual(problemsOf({ STRIPE_SECRET_KEY: 'sk_test_abc' }), [
      'STRIPE_WEBHOOK_SECRET is required when STRIPE_SECRET_KEY is set (the webhook endpoint\'s signing secret, whsec_…)',
      'BILLING_PLANS is required when STRIPE_SECRET_KEY is set (a JSON list of plans)',
    ]);
    assert.deepEqual(problemsOf({ BILLING_PLANS: '[]' }), ['BILLING_PLANS is set but STRIPE_SECRET_KEY is not (billing stays off without it)']);
    assert.deepEqual(problemsOf({ STRIPE_SECRET_KEY: 'pk_test_abc' }), ['STRIPE_SECRET_KEY must be a Stripe secret or restricted key (sk_… or rk_…)']);
    assert.match(problemsOf({ ...enabled(), BILLING_PLANS: '{starter' })[0], /^BILLING_PLANS is not JSON/);
    assert.deepEqual(problemsOf(enabled([])), ['BILLING_PLANS must list at least one plan']);
    assert.deepEqual(problemsOf(enabled([{ ...STARTER, priceId: 'starter' }])), ['BILLING_PLANS [0][priceId] must be a Stripe price id (price_…)']);
    assert.deepEqual(problemsOf(enabled([STARTER, { ...STARTER, priceId: 'price_other' }])), ['BILLING_PLANS key "starter" is used by two plans']);
    assert.match(problemsOf(enabled([{ ...STARTER, limits: { mailboxes: -1, activeProspects: null, monthlyEmails: null } }]))[0], /^BILLING_PLANS \[0\]\[limits\]\[mailboxes\] /);
  });
});
