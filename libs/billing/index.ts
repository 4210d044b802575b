export { AccountPlan, isLapsedStatus, NO_PLAN, planKeyOfPrice, planOf, SubscriptionSnapshot, UNLIMITED_PLAN } from './plans';
export { BillingAtClaim, billingHold, BillingHold, claimBillingRules, lapsedBeyondGrace } from './claim-hold';
export { LimitName, refuseOverLimit } from './limit-refusal';
export { nextMonthStart, usageMonth } from './usage-month';
export { effectOf, EventEffect, HANDLED_EVENT_TYPES, StoredSubscriptionState, SubscriptionPatch } from './stripe-event-effects';
