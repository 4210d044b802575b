import type { BillingConfig, PlanLimits } from '@relance/config';

/** The plan an account's limits come from, as the API names it. */
export interface AccountPlan {
  readonly key: string;
  readonly name: string;
  readonly limits: PlanLimits;
}

/** Billing off (no STRIPE_SECRET_KEY): nothing is limited. */
export const UNLIMITED_PLAN: AccountPlan = {
  key: 'unlimited', name: 'Unlimited', limits: { mailboxes: null, activeProspects: null, monthlyEmails: null },
};

/** Billing on and no subscription (or a price that is no configured plan's): nothing is allowed until one. */
export const NO_PLAN: AccountPlan = {
  key: 'none', name: 'No plan', limits: { mailboxes: 0, activeProspects: 0, monthlyEmails: 0 },
};

/** What an account's subscription row says of its plan (the fields the limits need). */
export interface SubscriptionSnapshot {
  readonly status: string | null;
  readonly planKey: string | null;
  readonly lapsedSince: Date | null;
}

/**
 * The plan whose limits apply: unlimited with billing off; else the subscribed plan, kept while
 * the subscription is lapsed (lapsing pauses sending, see claim-hold.ts; it takes nothing away).
 */
export function planOf(billing: BillingConfig | null, subscription: SubscriptionSnapshot | null): AccountPlan {
  if (!billing) return UNLIMITED_PLAN;
  const plan = subscription?.status ? billing.plans.find((p) => p.key === subscription.planKey) : undefined;
  return plan ? { key: plan.key, name: plan.name, limits: plan.limits } : NO_PLAN;
}

/** Stripe statuses in which the customer is not paying: sending pauses once the grace period is over. */
const LAPSED = new Set(['past_due', 'unpaid', 'canceled', 'incomplete', 'incomplete_expired', 'paused']);

export function isLapsedStatus(status: string | null): boolean {
  return status === null || LAPSED.has(status);
}

/** The configured plan billed by this Stripe price, if any. */
export function planKeyOfPrice(billing: BillingConfig, priceId: string | null): string | null {
  return billing.plans.find((plan) => plan.priceId === priceId)?.key ?? null;
}
