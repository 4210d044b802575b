import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '@relance/observability';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDispatch } from './webhook-dispatch';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { payloadOf, type WebhookEvent } from './webhook-events';

/**
 * Where the rest of Relance tells of an event: stores one delivery per subscribed endpoint (the
 * payload in the database, never in a workflow) and starts their workflows. Never fails the
 * caller: the fact it reports is already recorded and must stand; a failure is logged by ids.
 */
@Injectable()
export class WebhookEvents {
  constructor(
    @Inject(WebhookEndpointRepository) private readonly endpoints: WebhookEndpointRepository,
    @Inject(WebhookDeliveryRepository) private readonly deliveries: WebhookDeliveryRepository,
    @Inject(WebhookDispatch) private readonly dispatch: WebhookDispatch,
    @Optional() @Inject(APP_LOGGER) private readonly logger?: Logger,
  ) {}

  async emit(event: WebhookEvent): Promise<void> {
    try {
      const subscribers = await this.endpoints.subscribers(event.accountId, event.type);
      const deliveryIds = await this.deliveries.enqueue({
        accountId: event.accountId,
        endpointIds: subscribers.map((endpoint) => endpoint.id),
        eventType: event.type,
        eventKey: event.key,
        prospectId: event.prospectId,
        payload: payloadOf(event),
      });
      await this.dispatch.start(deliveryIds);
    } catch (error) {
      this.logger?.error({ accountId: event.accountId, type: event.type, key: event.key, err: { message: (error as Error).message } }, 'webhook event not enqueued');
    }
  }
}
