import assert from 'node:assert/strict';
import type { ApiClient } from './api-client';
import type { RelanceStack } from './relance-stack';
import { ARCHIVED_PRICE, stripeSubscription, type StripeStub } from './stripe-stub';

/** Plans for billing tests: Starter's limits are small enough to reach. */
export const TEST_PLANS = [
  { key: 'starter', name: 'Starter', priceId: 'price_starter', trialDays: 14, limits: { mailboxes: 1, activeProspects: 3, monthlyEmails: 2 } },
  { key: 'pro', name: 'Pro', priceId: 'price_pro', trialDays: 0, limits: { mailboxes: 5, activeProspects: null, monthlyEmails: null } },
  { key: 'legacy', name: 'Legacy', priceId: ARCHIVED_PRICE, trialDays: 0, limits: { mailboxes: 1, activeProspects: 1, monthlyEmails: 1 } },
];

/** Posts a body to the webhook as Stripe would: raw bytes and a Stripe-Signature header (or none). */
export async function postWebhook(stack: RelanceStack, payload: string, signature?: string): Promise<{ status: number; body: any }> {
  const response = await fetch(`${stack.apiUrl}/v1/billing/webhook`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    body: payload,
  });
  return { status: response.status, body: await response.json() };
}

/** Sends a signed event and expects Stripe's 2xx; returns what Relance did with it. */
export async function deliver(stack: RelanceStack, stub: StripeStub, type: string, object: object, created?: number): Promise<string> {
  const event = stub.signedEvent(type, object, { created });
  const res = await postWebhook(stack, event.payload, event.signature);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.outcome;
}

/**
 * Takes the account through Checkout as Stripe would: the session created through the API (the
 * customer recorded), then the subscription's webhook. Returns the Stripe ids.
 */
export async function subscribe(
  stack: RelanceStack, stub: StripeStub, api: ApiClient, accountId: string, plan: 'starter' | 'pro',
  options: { status?: string; created?: number } = {},
): Promise<{ customerId: string; subscriptionId: string }> {
  const checkout = await api.post('/v1/billing/checkout', { plan });
  assert.equal(checkout.status, 201, JSON.stringify(checkout.body));
  const [row] = await stack.dataSource.query('SELECT stripe_customer_id FROM billing_subscriptions WHERE account_id = $1', [accountId]);
  const subscriptionId = `sub_${accountId.slice(0, 8)}`;
  const priceId = TEST_PLANS.find((p) => p.key === plan)!.priceId;
  const subscription = stripeSubscription({ id: subscriptionId, customer: row.stripe_customer_id, status: options.status ?? 'active', priceId });
  const outcome = await deliver(stack, stub, 'customer.subscription.created', subscription, options.created);
  assert.equal(outcome, 'applied');
  return { customerId: row.stripe_customer_id, subscriptionId };
}
