import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { eventually } from '../support/api-client';
import { mailboxBody } from '../support/api-fixtures';
import { deliver, subscribe, TEST_PLANS } from '../support/billing-fixtures';
import { launchSequence } from '../support/launched-sequence';
import { startRelanceStack, type RelanceStack } from '../support/relance-stack';
import { StripeStub, stripeSubscription } from '../support/stripe-stub';

const ONE_EMAIL = [{ type: 'email', subject: 'Hello', body: 'A question.' }];

/** Where each plan limit bites: a new mailbox, a launch, the send claim; and a lapse that pauses sending. */
describe('billing: plan limits and lapsed subscriptions', () => {
  let stack: RelanceStack;
  let stub: StripeStub;

  before(async () => {
    stub = await StripeStub.start();
    // Paused and capped claims look again every second; a lapse pauses sending after an hour.
    stack = await startRelanceStack({ env: stub.env(TEST_PLANS, { PAUSE_RECHECK_INTERVAL: '1s', BILLING_GRACE_PERIOD: '1h' }) });
  });
  after(async () => {
    await stack?.stop();
    await stub?.stop();
  });

  const delivered = (to: string) => stack.smtp.messages.filter((m) => m.to.includes(to)).length;

  it('refuses a mailbox past the plan\'s, naming the limit, the usage and the plan', async () => {
    const { accountId, api } = await stack.newAccount('Mailbox Limit Co');
    const none = await api.post('/v1/mailboxes', mailboxBody(stack.smtp, 1));
    assert.deepEqual([none.status, none.body.error.code], [402, 'plan_limit_reached']);
    assert.match(none.body.error.message, /^This account has no subscription/);
    await subscribe(stack, stub, api, accountId, 'starter');
    assert.equal((await api.post('/v1/mailboxes', mailboxBody(stack.smtp, 1))).status, 201);
    const second = await api.post('/v1/mailboxes', mailboxBody(stack.smtp, 2));
    assert.equal(second.status, 402);
    assert.equal(second.body.error.message, 'Plan Starter allows 1 mailbox; this account has 1');
    assert.equal((await api.get('/v1/mailboxes')).body.data.length, 1);
  });

  it('refuses a launch that would pass the plan\'s active prospects, enrolling nobody', async () => {
    const { accountId, api } = await stack.newAccount('Prospect Limit Co');
    await subscribe(stack, stub, api, accountId, 'starter');
    const mailbox = await api.post('/v1/mailboxes', mailboxBody(stack.smtp, 1));
    for (const n of [1, 2, 3, 4]) assert.equal((await api.post('/v1/prospects', { email: `p${n}@limit.test` })).status, 201);
    const campaign = await api.post('/v1/campaigns', { name: 'Too many', mailboxId: mailbox.body.id, steps: ONE_EMAIL });
    const launch = await api.post(`/v1/campaigns/${campaign.body.id}/launch`, { all: true });
    assert.equal(launch.status, 402);
    assert.equal(launch.body.error.message, 'Plan Starter allows 3 active prospects; this account has 0 and this would add 4');
    const [{ n }] = await stack.dataSource.query('SELECT count(*)::int AS n FROM enrollments WHERE account_id = $1', [accountId]);
    assert.equal(n, 0);
  });

  it('holds an email past the monthly cap (not failed, not dropped) until an upgrade lets it go', async () => {
    const { accountId, api } = await stack.newAccount('Cap Co');
    const { customerId, subscriptionId } = await subscribe(stack, stub, api, accountId, 'starter');
    const emails = ['cap1@cap.test', 'cap2@cap.test', 'cap3@cap.test'];
    const sequence = await launchSequence(stack, api, { rep: 1, emails, steps: ONE_EMAIL });
    try {
      const held = await eventually('two sent and one held by the cap', async () => {
        const list = (await api.get(`/v1/campaigns/${sequence.campaignId}/enrollments`)).body.data as any[];
        const waiting = list.filter((e) => e.waiting?.reason === 'monthly_email_cap');
        return list.filter((e) => e.status === 'completed').length === 2 && waiting.length === 1 ? waiting[0] : undefined;
      });
      assert.equal(held.status, 'active');
      assert.equal(emails.reduce((sum, to) => sum + delivered(to), 0), 2);
      const usage = (await api.get('/v1/billing')).body.usage.monthlyEmails;
      assert.deepEqual([usage.used, usage.allowed], [2, 2]);
      const upgrade = stripeSubscription({ id: subscriptionId, customer: customerId, status: 'active', priceId: 'price_pro' });
      assert.equal(await deliver(stack, stub, 'customer.subscription.updated', upgrade, Math.floor(Date.now() / 1000) + 1), 'applied');
      await sequence.settled('completed');
      assert.deepEqual(emails.map(delivered), [1, 1, 1]);
    } finally {
      await sequence.stopSync();
    }
  });

  it('pauses sending once a lapse outlasts the grace period, deletes nothing, and resumes once paid', async () => {
    const { accountId, api } = await stack.newAccount('Lapse Co');
    const now = Math.floor(Date.now() / 1000);
    const { customerId } = await subscribe(stack, stub, api, accountId, 'pro', { created: now - 3 * 3600 });
    // Unpaid for two hours already: past the one-hour grace period.
    assert.equal(await deliver(stack, stub, 'invoice.payment_failed', { id: 'in_lapse', object: 'invoice', customer: customerId }, now - 2 * 3600), 'applied');
    assert.equal((await api.get('/v1/billing')).body.sendingPaused, true);
    const sequence = await launchSequence(stack, api, { rep: 1, emails: ['held@lapse.test'], steps: ONE_EMAIL });
    try {
      const enrollment = await eventually('the enrollment paused for billing', async () => {
        const [e] = (await api.get(`/v1/campaigns/${sequence.campaignId}/enrollments`)).body.data as any[];
        return e?.pauseReason === 'billing_lapsed' ? e : undefined;
      });
      assert.equal(enrollment.status, 'paused');
      assert.equal(delivered('held@lapse.test'), 0);
      assert.equal(await deliver(stack, stub, 'invoice.paid', { id: 'in_lapse', object: 'invoice', customer: customerId }), 'applied');
      await sequence.settled('completed');
      assert.equal(delivered('held@lapse.test'), 1);
      assert.equal((await api.get('/v1/billing')).body.sendingPaused, false);
    } finally {
      await sequence.stopSync();
    }
  });
});
