import type { NonPersonalColumn } from './types';

const by = (table: string, reason: string, ...columns: string[]): NonPersonalColumn[] =>
  columns.map((column) => ({ table, column, reason }));

/**
 * Billing holds no personal data: Stripe's ids (the person paying is known to Stripe only),
 * statuses and plan names. Card data never reaches Relance.
 */
export const BILLING_NOT_PERSONAL: NonPersonalColumn[] = [
  ...by('billing_subscriptions', 'Stripe\'s opaque ids of the customer and the subscription', 'stripe_customer_id', 'stripe_subscription_id'),
  ...by('billing_subscriptions', 'a Stripe status, a configured plan\'s key, a Stripe price id', 'status', 'plan_key', 'price_id'),
  ...by('stripe_events', 'a Stripe event id, its type, and what Relance did with it', 'id', 'type', 'outcome'),
  ...by('billing_monthly_usage', 'a calendar month, YYYY-MM', 'month'),
];
