import type { BillingConfig } from '@relance/config';
import { isLapsedStatus, planOf, type SubscriptionSnapshot } from './plans';
import { nextMonthStart, usageMonth } from './usage-month';

/** What the account's billing holds an email back with, at the send claim; nothing is failed or dropped. */
export type BillingHold =
  | { kind: 'paused'; reason: 'billing_lapsed' }
  | { kind: 'deferred'; reason: 'monthly_email_cap'; until: Date; queued: false };

export interface BillingAtClaim {
  subscription: SubscriptionSnapshot | null;
  /** Emails the account's claims took this calendar month (UTC), read under the counter's lock. */
  emailsThisMonth: number;
}

/**
 * Whether the account's billing holds the email back at `now`. A subscription lapsed for longer
 * than the grace period (or none at all) pauses sending until paid again; a monthly cap reached
 * defers the email to the next month, read again every `recheckMs` so an upgrade sends it sooner.
 */
export function billingHold(
  billing: BillingConfig | null, state: BillingAtClaim, now: Date, recheckMs: number,
): BillingHold | null {
  if (!billing) return null;
  const { subscription } = state;
  if (lapsedBeyondGrace(billing, subscription, now)) return { kind: 'paused', reason: 'billing_lapsed' };
  const cap = planOf(billing, subscription).limits.monthlyEmails;
  if (cap !== null && state.emailsThisMonth >= cap) {
    const until = new Date(Math.min(nextMonthStart(now).getTime(), now.getTime() + recheckMs));
    return { kind: 'deferred', reason: 'monthly_email_cap', until, queued: false };
  }
  return null;
}

/** No subscription, or one lapsed (unpaid, cancelled…) for longer than the grace period. */
export function lapsedBeyondGrace(billing: BillingConfig, subscription: SubscriptionSnapshot | null, now: Date): boolean {
  if (!subscription || subscription.status === null) return true;
  if (!isLapsedStatus(subscription.status)) return false;
  const since = subscription.lapsedSince ?? now;
  return now.getTime() - since.getTime() >= billing.gracePeriodMs;
}

/** The send claim's billing rules (ClaimRules.billingHold and usageMonth) for this configuration; null: billing off. */
export function claimBillingRules(billing: BillingConfig | null, recheckMs: number) {
  return {
    billingHold: (state: BillingAtClaim, now: Date) => billingHold(billing, state, now, recheckMs),
    usageMonth,
  };
}
