import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig, type BillingConfig } from '@relance/config';
import { isLapsedStatus, lapsedBeyondGrace, planOf, usageMonth } from '@relance/billing';
import { BillingRepository } from '@relance/db/repositories/billing.repository';
import { DomainError } from '@relance/errors';
import { API_LOGGER } from '../common/logger.module';
import type { CreateCheckoutSessionDto, CreatePortalSessionDto } from './dto/billing-input.dto';
import type { BillingStateDto, SessionUrlDto } from './dto/billing.dto';
import { STRIPE_CLIENT } from './stripe-client';

/**
 * Subscribing and managing a subscription happen on Stripe's pages (Checkout, the Customer
 * Portal): card data never reaches Relance. This creates their sessions and reports the
 * account's plan and usage.
 */
@Injectable()
export class BillingService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(STRIPE_CLIENT) private readonly stripe: Stripe | null,
    @Inject(BillingRepository) private readonly billing: BillingRepository,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  async checkout(accountId: string, input: CreateCheckoutSessionDto): Promise<SessionUrlDto> {
    const { billing, stripe } = this.enabled();
    const plan = billing.plans.find((p) => p.key === input.plan);
    if (!plan) {
      throw new DomainError('validation_failed', `plan must be one of ${billing.plans.map((p) => p.key).join(', ')} (not "${input.plan}")`, { field: 'plan' });
    }
    const existing = await this.billing.findSubscription(accountId);
    if (existing?.status && !isLapsedStatus(existing.status)) {
      throw new DomainError('conflict', `this account already has a ${existing.status} subscription: change plans in the Customer Portal (POST /v1/billing/portal)`);
    }
    // The customer carries the account's id only: Checkout asks Stripe's own questions (email, card).
    const customerId = existing?.stripeCustomerId ?? (await this.billing.recordCustomer(
      accountId, (await viaStripe('create the customer', () => stripe.customers.create({ metadata: { accountId } }))).id,
    )).stripeCustomerId;
    const session = await viaStripe('create the Checkout Session', () => stripe.checkout.sessions.create({
      mode: 'subscription',
      customer: customerId,
      client_reference_id: accountId,
      line_items: [{ price: plan.priceId, quantity: 1 }],
      subscription_data: { metadata: { accountId }, ...(plan.trialDays > 0 && !existing?.status ? { trial_period_days: plan.trialDays } : {}) },
      success_url: input.successUrl ?? this.appUrl(),
      cancel_url: input.cancelUrl ?? this.appUrl(),
    }));
    this.logger.info({ accountId, plan: plan.key, sessionId: session.id }, 'checkout session created');
    return { id: session.id, url: session.url! };
  }

  async portal(accountId: string, input: CreatePortalSessionDto): Promise<SessionUrlDto> {
    const { stripe } = this.enabled();
    const existing = await this.billing.findSubscription(accountId);
    if (!existing) throw new DomainError('conflict', 'this account has no Stripe customer yet: subscribe first (POST /v1/billing/checkout)');
    const session = await viaStripe('create the portal session', () =>
      stripe.billingPortal.sessions.create({ customer: existing.stripeCustomerId, return_url: input.returnUrl ?? this.appUrl() }));
    return { id: session.id, url: session.url };
  }

  async state(accountId: string): Promise<BillingStateDto> {
    const now = new Date();
    const month = usageMonth(now);
    const subscription = this.config.billing ? await this.billing.findSubscription(accountId) : null;
    const plan = planOf(this.config.billing, subscription);
    const used = await this.billing.usage(accountId, month);
    const iso = (date: Date | null | undefined) => date?.toISOString() ?? null;
    return {
      enabled: this.config.billing !== null,
      plan: { key: plan.key, name: plan.name },
      status: subscription?.status ?? null,
      trialEndsAt: iso(subscription?.trialEndsAt),
      currentPeriodEnd: iso(subscription?.currentPeriodEnd),
      lapsedSince: iso(subscription?.lapsedSince),
      sendingPaused: this.config.billing !== null && lapsedBeyondGrace(this.config.billing, subscription, now),
      usage: {
        mailboxes: { used: used.mailboxes, allowed: plan.limits.mailboxes },
        activeProspects: { used: used.activeProspects, allowed: plan.limits.activeProspects },
        monthlyEmails: { used: used.monthlyEmails, allowed: plan.limits.monthlyEmails, month },
      },
      plans: (this.config.billing?.plans ?? []).map((p) => ({ key: p.key, name: p.name, trialDays: p.trialDays, limits: p.limits })),
    };
  }

  private enabled(): { billing: BillingConfig; stripe: Stripe } {
    if (!this.config.billing || !this.stripe) {
      throw new DomainError('billing_disabled', 'billing is not enabled on this server (STRIPE_SECRET_KEY is unset): every account is unlimited');
    }
    return { billing: this.config.billing, stripe: this.stripe };
  }

  private appUrl(): string {
    return `${this.config.api.publicUrl.replace(/\/+$/, '')}/app/`;
  }
}

/** A Stripe call whose failure (Stripe down, or refusing) is a 503 saying what could not be done, not a 500. */
async function viaStripe<T>(what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (error instanceof Stripe.errors.StripeError) throw new DomainError('unavailable', `Stripe could not ${what}: ${error.message}`);
    throw error;
  }
}
