import { Global, Module } from '@nestjs/common';
import { SystemMailer } from '@relance/privacy/requests/system-mailer';
import { WebhookDeliveries } from './webhook-deliveries.service';
import { WebhookDeliverer } from './webhook-deliverer.service';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDispatch } from './webhook-dispatch';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { WebhookEndpoints } from './webhook-endpoints.service';
import { WebhookEvents } from './webhook-events.service';
import { WebhookFacts } from './webhook-facts';
import { WebhookFactsRepository } from './webhook-facts.repository';

/**
 * Outbound webhooks for the API and the worker. Global, so the services that record events
 * (mailbox sync, imports, privacy requests…) reach WebhookEvents without importing this module.
 * Needs the global DbModule, ConfigModule, CryptoModule and TemporalModule.
 */
@Global()
@Module({
  providers: [
    WebhookEndpointRepository, WebhookDeliveryRepository, WebhookDispatch, WebhookEvents, WebhookEndpoints, WebhookDeliveries,
    WebhookDeliverer, SystemMailer, WebhookFactsRepository, WebhookFacts,
  ],
  exports: [WebhookEvents, WebhookFacts, WebhookEndpoints, WebhookDeliveries, WebhookDeliverer],
})
export class WebhooksModule {}
