import { Module } from '@nestjs/common';
import { RestHooksController } from './rest-hooks.controller';
import { WebhookDeliveriesController } from './webhook-deliveries.controller';
import { WebhookEndpointsController } from './webhook-endpoints.controller';

/** Webhook endpoints, their deliveries and Zapier's REST hooks over the API (the services come from the global WebhooksModule). */
@Module({
  controllers: [WebhookEndpointsController, WebhookDeliveriesController, RestHooksController],
})
export class WebhooksApiModule {}
