import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { BillingWebhookController } from './billing-webhook.controller';
import { BillingWebhookService } from './billing-webhook.service';
import { BillingController } from './billing.controller';
import { BillingService } from './billing.service';
import { PlanLimits } from './plan-limits.service';
import { createStripeClient, STRIPE_CLIENT } from './stripe-client';

@Module({
  controllers: [BillingController, BillingWebhookController],
  providers: [
    { provide: STRIPE_CLIENT, inject: [APP_CONFIG], useFactory: (config: AppConfig) => createStripeClient(config.billing) },
    BillingService, BillingWebhookService, PlanLimits,
  ],
  exports: [PlanLimits],
})
export class BillingModule {}
