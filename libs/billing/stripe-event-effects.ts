import type Stripe from 'stripe';
import type { BillingConfig } from '@relance/config';
import { isLapsedStatus, planKeyOfPrice } from './plans';

/** The stored state an event is judged against (read under lock). */
export interface StoredSubscriptionState {
  status: string | null;
  lapsedSince: Date | null;
  stateAsOf: Date | null;
}

/** What an event changes in the account's subscription row. */
export interface SubscriptionPatch {
  stripeSubscriptionId?: string;
  status?: string | null;
  planKey?: string | null;
  priceId?: string | null;
  trialEndsAt?: Date | null;
  currentPeriodEnd?: Date | null;
  lapsedSince?: Date | null;
  stateAsOf?: Date;
}

/**
 * What Relance does with one verified event: nothing (a type it does not act on), or a change
 * to the row of Stripe customer `customerId` (whose account a Checkout Session names as its
 * client_reference_id), which `decide` works out from the stored state: `stale` when the event
 * is older than the state it would change.
 */
export type EventEffect =
  | { kind: 'ignored' }
  | {
    kind: 'subscription';
    customerId: string;
    accountId: string | null;
    decide(current: StoredSubscriptionState): SubscriptionPatch | 'stale';
  };

export const HANDLED_EVENT_TYPES = [
  'checkout.session.completed',
  'customer.subscription.created', 'customer.subscription.updated', 'customer.subscription.deleted',
  'invoice.payment_failed', 'invoice.paid',
] as const;

export function effectOf(event: Stripe.Event, billing: BillingConfig): EventEffect {
  const at = new Date(event.created * 1000);
  switch (event.type) {
    case 'checkout.session.completed': {
      const session = event.data.object;
      const subscription = idOf(session.subscription);
      if (!subscription || !session.customer) return { kind: 'ignored' };
      // Links the subscription only: its state comes with the customer.subscription.* events.
      return {
        kind: 'subscription', customerId: idOf(session.customer)!, accountId: session.client_reference_id,
        decide: () => ({ stripeSubscriptionId: subscription }),
      };
    }
    case 'customer.subscription.created':
    case 'customer.subscription.updated':
    case 'customer.subscription.deleted': {
      const subscription = event.data.object;
      const item = subscription.items?.data?.[0];
      const priceId = item?.price?.id ?? null;
      const periodEnd = item?.current_period_end ?? (subscription as unknown as { current_period_end?: number }).current_period_end;
      return onNewer(idOf(subscription.customer)!, at, (current) => ({
        stripeSubscriptionId: subscription.id,
        status: subscription.status,
        priceId,
        planKey: planKeyOfPrice(billing, priceId),
        trialEndsAt: seconds(subscription.trial_end),
        currentPeriodEnd: seconds(periodEnd),
        lapsedSince: isLapsedStatus(subscription.status) ? current.lapsedSince ?? at : null,
      }));
    }
    case 'invoice.payment_failed':
      return onNewer(idOf(event.data.object.customer)!, at, (current) => ({
        status: current.status === 'active' || current.status === 'trialing' ? 'past_due' : current.status,
        lapsedSince: current.lapsedSince ?? at,
      }));
    case 'invoice.paid':
      return onNewer(idOf(event.data.object.customer)!, at, (current) => ({
        status: current.status === 'past_due' || current.status === 'unpaid' ? 'active' : current.status,
        lapsedSince: current.status === 'canceled' ? current.lapsedSince : null,
      }));
    default:
      return { kind: 'ignored' };
  }
}

/** A state change that applies only if the event is not older than the state already stored. */
function onNewer(customerId: string, at: Date, patch: (current: StoredSubscriptionState) => SubscriptionPatch): EventEffect {
  if (!customerId) return { kind: 'ignored' };
  return {
    kind: 'subscription', customerId, accountId: null,
    decide: (current) => (current.stateAsOf && current.stateAsOf.getTime() > at.getTime() ? 'stale' : { ...patch(current), stateAsOf: at }),
  };
}

function idOf(value: string | { id: string } | null | undefined): string | null {
  return typeof value === 'string' ? value : value?.id ?? null;
}

function seconds(value: number | null | undefined): Date | null {
  return typeof value === 'number' ? new Date(value * 1000) : null;
}
