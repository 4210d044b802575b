import { Inject, Injectable } from '@nestjs/common';
import Stripe from 'stripe';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { effectOf } from '@relance/billing';
import { BillingRepository } from '@relance/db/repositories/billing.repository';
import { DomainError } from '@relance/errors';
import { API_LOGGER } from '../common/logger.module';
import { STRIPE_CLIENT } from './stripe-client';

export type WebhookOutcome = 'applied' | 'stale' | 'ignored' | 'duplicate';

/**
 * Stripe's events about subscriptions and invoices: verified on the raw body, each processed
 * once (the stripe_events ledger), in any order (a subscription keeps the newest state), types
 * Relance does not act on acknowledged and ignored.
 */
@Injectable()
export class BillingWebhookService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(STRIPE_CLIENT) private readonly stripe: Stripe | null,
    @Inject(BillingRepository) private readonly billing: BillingRepository,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  async receive(rawBody: unknown, signature: string | string[] | undefined): Promise<WebhookOutcome> {
    const event = this.verify(rawBody, signature);
    const billing = this.config.billing!;
    const effect = effectOf(event, billing);
    const header = { id: event.id, type: event.type, created: new Date(event.created * 1000) };
    const outcome = await this.billing.processEvent(header, effect.kind === 'ignored' ? null : effect);
    this.logger.info({ eventId: event.id, type: event.type, outcome }, 'stripe event received');
    return outcome;
  }

  /** The event Stripe signed, or a 400 that says what is wrong with the signature. */
  private verify(rawBody: unknown, signature: string | string[] | undefined): Stripe.Event {
    if (!this.config.billing || !this.stripe) {
      throw new DomainError('billing_disabled', 'billing is not enabled on this server (STRIPE_SECRET_KEY is unset): no webhook is expected');
    }
    if (typeof signature !== 'string' || signature === '') {
      throw new DomainError('invalid_signature', 'the Stripe-Signature header is missing: only events signed by Stripe are accepted');
    }
    if (!Buffer.isBuffer(rawBody) || rawBody.length === 0) {
      throw new DomainError('invalid_signature', 'the body is empty: nothing to verify');
    }
    try {
      return this.stripe.webhooks.constructEvent(
        rawBody, signature, this.config.billing.webhookSecret, Math.floor(this.config.billing.webhookToleranceMs / 1000),
      );
    } catch (error) {
      if (error instanceof Stripe.errors.StripeSignatureVerificationError) {
        throw new DomainError('invalid_signature', `the Stripe signature does not verify: ${error.message}`);
      }
      throw new DomainError('validation_failed', `the body is not a Stripe event: ${(error as Error).message}`);
    }
  }
}
