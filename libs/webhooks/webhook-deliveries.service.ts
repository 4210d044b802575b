import { Inject, Injectable } from '@nestjs/common';
import type { WebhookDeliveryAttempt } from '@relance/db/entities/webhook-delivery-attempt.entity';
import type { WebhookDelivery } from '@relance/db/entities/webhook-delivery.entity';
import type { Page } from '@relance/db/repositories/keyset-page';
import { DomainError } from '@relance/errors';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookDispatch } from './webhook-dispatch';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';

/** What an account reads of its deliveries, and its manual retries. */
@Injectable()
export class WebhookDeliveries {
  constructor(
    @Inject(WebhookEndpointRepository) private readonly endpoints: WebhookEndpointRepository,
    @Inject(WebhookDeliveryRepository) private readonly deliveries: WebhookDeliveryRepository,
    @Inject(WebhookDispatch) private readonly dispatch: WebhookDispatch,
  ) {}

  async listForEndpoint(accountId: string, endpointId: string, limit: number, after?: string): Promise<Page<WebhookDelivery> | null> {
    if (!(await this.endpoints.find(accountId, endpointId))) throw DomainError.notFound('webhook endpoint', endpointId);
    return this.deliveries.listPage(endpointId, { limit, afterId: after });
  }

  async get(accountId: string, id: string): Promise<{ delivery: WebhookDelivery; attempts: WebhookDeliveryAttempt[] }> {
    const delivery = await this.deliveries.find(accountId, id);
    if (!delivery) throw DomainError.notFound('webhook delivery', id);
    return { delivery, attempts: await this.deliveries.attempts(id) };
  }

  /** Posts a settled delivery again, with a fresh run of retries; a pending one is already being tried (409). */
  async retry(accountId: string, id: string): Promise<{ delivery: WebhookDelivery; attempts: WebhookDeliveryAttempt[] }> {
    const delivery = await this.deliveries.find(accountId, id);
    if (!delivery) throw DomainError.notFound('webhook delivery', id);
    const endpoint = await this.endpoints.find(accountId, delivery.endpointId);
    if (!endpoint?.enabled) throw new DomainError('conflict', `webhook endpoint ${delivery.endpointId} is disabled: enable it first (PATCH enabled: true)`);
    if (!(await this.deliveries.reopen(accountId, id))) {
      throw new DomainError('conflict', `webhook delivery ${id} is still being attempted: wait for it to succeed or fail`);
    }
    await this.dispatch.start([id], true);
    return this.get(accountId, id);
  }
}
