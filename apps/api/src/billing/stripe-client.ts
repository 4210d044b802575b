import Stripe from 'stripe';
import type { BillingConfig } from '@relance/config';

export const STRIPE_CLIENT = Symbol('STRIPE_CLIENT');

/** The official SDK, pointed where the configuration says (Stripe, or a loopback stub in tests); null with billing off. */
export function createStripeClient(billing: BillingConfig | null): Stripe | null {
  if (!billing) return null;
  return new Stripe(billing.secretKey, {
    host: billing.api.host,
    port: billing.api.port,
    protocol: billing.api.protocol,
    maxNetworkRetries: 2,
    timeout: 15_000,
    telemetry: false,
  });
}
