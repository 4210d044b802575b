import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { deliver, postWebhook, subscribe, TEST_PLANS } from '../support/billing-fixtures';
import { startRelanceStack, type RelanceStack } from '../support/relance-stack';
import { StripeStub, stripeSubscription } from '../support/stripe-stub';

describe('billing: Checkout, the portal and Stripe\'s webhook', () => {
  let stack: RelanceStack;
  let stub: StripeStub;

  before(async () => {
    stub = await StripeStub.start();
    stack = await startRelanceStack({ env: stub.env(TEST_PLANS) });
  });
  after(async () => {
    await stack?.stop();
    await stub?.stop();
  });

  const rowOf = async (accountId: string) =>
    (await stack.dataSource.query('SELECT * FROM billing_subscriptions WHERE account_id = $1', [accountId]))[0];

  it('creates a Checkout Session for a plan and returns its URL; the customer carries the account id only', async () => {
    const { accountId, api } = await stack.newAccount('Checkout Co');
    const res = await api.post('/v1/billing/checkout', { plan: 'starter', successUrl: 'https://app.example.com/ok' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.url, /^https:\/\/checkout\.stripe\.com\/c\/pay\/cs_test_/);
    const customer = stub.requests.find((r) => r.path === '/v1/customers' && r.form['metadata[accountId]'] === accountId);
    assert.ok(customer, 'a customer was created for the account');
    assert.deepEqual(Object.keys(customer.form), ['metadata[accountId]']);
    const session = stub.requests.find((r) => r.path === '/v1/checkout/sessions' && r.form.client_reference_id === accountId)!;
    assert.equal(session.form['line_items[0][price]'], 'price_starter');
    assert.equal(session.form['subscription_data[trial_period_days]'], '14');
    assert.equal(session.form.mode, 'subscription');
    assert.equal(session.form.success_url, 'https://app.example.com/ok');
    assert.equal(session.form.customer, (await rowOf(accountId)).stripe_customer_id);
  });

  it('refuses an unknown plan, naming the plans', async () => {
    const { api } = await stack.newAccount('Unknown Plan Co');
    const res = await api.post('/v1/billing/checkout', { plan: 'gold' });
    assert.equal(res.status, 400);
    assert.equal(res.body.error.message, 'plan must be one of starter, pro, legacy (not "gold")');
  });

  it('answers a 503 saying what failed when Stripe refuses (a price archived at Stripe)', async () => {
    const { api } = await stack.newAccount('Archived Price Co');
    const res = await api.post('/v1/billing/checkout', { plan: 'legacy' });
    assert.deepEqual([res.status, res.body.error.code], [503, 'unavailable']);
    // The SDK puts Stripe's request id first, for Stripe's support.
    assert.match(res.body.error.message, /^Stripe could not create the Checkout Session: \[req_\w+\] No such price: 'price_archived'$/);
  });

  it('opens the Customer Portal for a subscribed account, and refuses one that never subscribed', async () => {
    const { accountId, api } = await stack.newAccount('Portal Co');
    const never = await api.post('/v1/billing/portal', {});
    assert.equal(never.status, 409);
    assert.match(never.body.error.message, /subscribe first/);
    const { customerId } = await subscribe(stack, stub, api, accountId, 'starter');
    const res = await api.post('/v1/billing/portal', { returnUrl: 'https://app.example.com/billing' });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.match(res.body.url, /^https:\/\/billing\.stripe\.com\/p\/session\//);
    const sent = stub.requests.filter((r) => r.path === '/v1/billing_portal/sessions').at(-1)!;
    assert.deepEqual(sent.form, { customer: customerId, return_url: 'https://app.example.com/billing' });
  });

  it('refuses unsigned, wrongly signed, re-signed and replayed events, changing nothing', async () => {
    const { accountId, api } = await stack.newAccount('Forgery Co');
    const { customerId } = await subscribe(stack, stub, api, accountId, 'starter');
    const cancel = stripeSubscription({ id: 'sub_forged', customer: customerId, status: 'canceled', priceId: 'price_starter' });
    const good = stub.signedEvent('customer.subscription.deleted', cancel);
    const unsigned = await postWebhook(stack, good.payload);
    assert.deepEqual([unsigned.status, unsigned.body.error.code], [400, 'invalid_signature']);
    assert.match(unsigned.body.error.message, /Stripe-Signature header is missing/);
    const tampered = await postWebhook(stack, good.payload.replace('canceled', 'active'), good.signature);
    assert.deepEqual([tampered.status, tampered.body.error.code], [400, 'invalid_signature']);
    assert.match(tampered.body.error.message, /No signatures found matching the expected signature/);
    const otherSecret = stub.signedEvent('customer.subscription.deleted', cancel, { secret: 'whsec_someoneelse' });
    assert.equal((await postWebhook(stack, otherSecret.payload, otherSecret.signature)).status, 400);
    const replayed = stub.signedEvent('customer.subscription.deleted', cancel, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    const old = await postWebhook(stack, replayed.payload, replayed.signature);
    assert.equal(old.status, 400);
    assert.match(old.body.error.message, /Timestamp outside the tolerance zone/);
    assert.equal((await rowOf(accountId)).status, 'active');
  });

  it('processes each event once, however often Stripe delivers it', async () => {
    const { accountId, api } = await stack.newAccount('Dedupe Co');
    const { customerId } = await subscribe(stack, stub, api, accountId, 'starter');
    const failed = stub.signedEvent('invoice.payment_failed', { id: 'in_1', object: 'invoice', customer: customerId });
    assert.equal((await postWebhook(stack, failed.payload, failed.signature)).body.outcome, 'applied');
    const again = await postWebhook(stack, failed.payload, failed.signature);
    assert.deepEqual([again.status, again.body.outcome], [200, 'duplicate']);
    const [ledger] = await stack.dataSource.query('SELECT count(*)::int AS n, min(outcome) AS outcome FROM stripe_events WHERE id = $1', [failed.id]);
    assert.deepEqual(ledger, { n: 1, outcome: 'applied' });
    assert.equal((await rowOf(accountId)).status, 'past_due');
  });

  it('keeps the newest state: an older update arriving late changes nothing', async () => {
    const { accountId, api } = await stack.newAccount('Order Co');
    const { customerId, subscriptionId } = await subscribe(stack, stub, api, accountId, 'starter');
    const now = Math.floor(Date.now() / 1000);
    const toPro = stripeSubscription({ id: subscriptionId, customer: customerId, status: 'active', priceId: 'price_pro' });
    const stillStarterPastDue = stripeSubscription({ id: subscriptionId, customer: customerId, status: 'past_due', priceId: 'price_starter' });
    assert.equal(await deliver(stack, stub, 'customer.subscription.updated', toPro, now + 20), 'applied');
    assert.equal(await deliver(stack, stub, 'customer.subscription.updated', stillStarterPastDue, now + 10), 'stale');
    const row = await rowOf(accountId);
    assert.deepEqual([row.status, row.plan_key, row.lapsed_since], ['active', 'pro', null]);
    assert.equal(row.state_as_of.getTime(), (now + 20) * 1000);
  });

  it('acknowledges event types it does not act on, and events of unknown customers', async () => {
    assert.equal(await deliver(stack, stub, 'customer.created', { id: 'cus_elsewhere', object: 'customer' }), 'ignored');
    assert.equal(await deliver(stack, stub, 'invoice.paid', { id: 'in_x', object: 'invoice', customer: 'cus_unknown' }), 'ignored');
  });

  it('reports the plan, the subscription and the usage of each limit', async () => {
    const { accountId, api } = await stack.newAccount('Usage Co');
    const before = await api.get('/v1/billing');
    assert.deepEqual([before.body.enabled, before.body.plan, before.body.status, before.body.sendingPaused], [true, { key: 'none', name: 'No plan' }, null, true]);
    await subscribe(stack, stub, api, accountId, 'starter');
    const res = await api.get('/v1/billing');
    assert.equal(res.status, 200);
    const month = new Date().toISOString().slice(0, 7);
    assert.deepEqual(res.body.usage, {
      mailboxes: { used: 0, allowed: 1 }, activeProspects: { used: 0, allowed: 3 }, monthlyEmails: { used: 0, allowed: 2, month },
    });
    assert.deepEqual([res.body.plan, res.body.status, res.body.sendingPaused], [{ key: 'starter', name: 'Starter' }, 'active', false]);
    assert.deepEqual(res.body.plans.map((p: { key: string }) => p.key), ['starter', 'pro', 'legacy']);
    assert.equal((await fetch(`${stack.apiUrl}/v1/billing`)).status, 401, 'an API key is required');
  });
});
