import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { Vault } from '@relance/crypto';
import type { WebhookEndpoint } from '@relance/db/entities/webhook-endpoint.entity';
import type { Page } from '@relance/db/repositories/keyset-page';
import { DomainError } from '@relance/errors';
import { WebhookEndpointRepository, type WebhookEndpointChanges } from './webhook-endpoint.repository';
import { isWebhookEventType, WEBHOOK_EVENT_TYPES, type WebhookEventType } from './webhook-events';
import { webhookNetworkPolicy } from './webhook-policy';
import { sealEndpointSecret } from './webhook-secrets';
import { newWebhookSecret } from './webhook-signature';
import { webhookTarget } from './webhook-url';

export interface EndpointInput {
  url: string;
  events: string[];
  description?: string | null;
  enabled?: boolean;
}

/** An endpoint and, right after its creation or a rotation only, its secret in clear. */
export interface EndpointWithSecret {
  endpoint: WebhookEndpoint;
  secret: string;
}

/** An account's webhook endpoints and REST hooks: their URLs checked, their secrets sealed. */
@Injectable()
export class WebhookEndpoints {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WebhookEndpointRepository) private readonly endpoints: WebhookEndpointRepository,
    @Inject(Vault) private readonly vault: Vault,
  ) {}

  async create(accountId: string, input: EndpointInput): Promise<EndpointWithSecret> {
    const events = checkedEvents(input.events);
    await this.checkUrl(input.url);
    const id = randomUUID();
    const secret = newWebhookSecret();
    const endpoint = await this.endpoints.create({
      id, accountId, kind: 'endpoint', url: input.url, description: input.description ?? null, events,
      secret: sealEndpointSecret(this.vault, id, secret),
    });
    if (input.enabled === false) return { endpoint: (await this.endpoints.update(accountId, id, { enabled: false }))!, secret };
    return { endpoint, secret };
  }

  /** A Zapier-style subscription: one event, posted to `targetUrl`, signed like any other (its secret is never shown). */
  async subscribe(accountId: string, targetUrl: string, event: string): Promise<WebhookEndpoint> {
    const [type] = checkedEvents([event], 'event');
    await this.checkUrl(targetUrl, 'target_url');
    const id = randomUUID();
    return this.endpoints.create({
      id, accountId, kind: 'rest_hook', url: targetUrl, description: null, events: [type],
      secret: sealEndpointSecret(this.vault, id, newWebhookSecret()),
    });
  }

  async unsubscribe(accountId: string, id: string): Promise<void> {
    if (!(await this.endpoints.remove(accountId, id, 'rest_hook'))) throw DomainError.notFound('hook', id);
  }

  async list(accountId: string, limit: number, after?: string): Promise<Page<WebhookEndpoint> | null> {
    return this.endpoints.listPage(accountId, { limit, afterId: after });
  }

  async get(accountId: string, id: string): Promise<WebhookEndpoint> {
    const endpoint = await this.endpoints.find(accountId, id);
    if (!endpoint) throw DomainError.notFound('webhook endpoint', id);
    return endpoint;
  }

  async update(accountId: string, id: string, input: Partial<EndpointInput>): Promise<WebhookEndpoint> {
    // Another account's endpoint is a 404 before its URL is resolved: nothing about it leaks.
    if (!(await this.endpoints.find(accountId, id))) throw DomainError.notFound('webhook endpoint', id);
    const changes: WebhookEndpointChanges = {};
    if (input.events !== undefined) changes.events = checkedEvents(input.events);
    if (input.url !== undefined) {
      await this.checkUrl(input.url);
      changes.url = input.url;
    }
    if (input.description !== undefined) changes.description = input.description;
    if (input.enabled !== undefined) changes.enabled = input.enabled;
    const updated = await this.endpoints.update(accountId, id, changes);
    if (!updated) throw DomainError.notFound('webhook endpoint', id);
    return updated;
  }

  async remove(accountId: string, id: string): Promise<void> {
    if (!(await this.endpoints.remove(accountId, id))) throw DomainError.notFound('webhook endpoint', id);
  }

  /** A new secret, at once: the old one stops signing (receivers should accept both while they switch). */
  async rotate(accountId: string, id: string): Promise<EndpointWithSecret> {
    const secret = newWebhookSecret();
    if (!(await this.endpoints.replaceSecret(accountId, id, sealEndpointSecret(this.vault, id, secret)))) {
      throw DomainError.notFound('webhook endpoint', id);
    }
    return { endpoint: await this.get(accountId, id), secret };
  }

  private async checkUrl(url: string, field = 'url'): Promise<void> {
    try {
      await webhookTarget(url, webhookNetworkPolicy(this.config));
    } catch (error) {
      if (error instanceof DomainError && field !== 'url') {
        throw new DomainError(error.code, error.message.replace(/^url/, field), { field });
      }
      throw error;
    }
  }
}

/** The event names, each known and none twice; at least one. */
function checkedEvents(events: string[], field = 'events'): WebhookEventType[] {
  const unknown = events.filter((event) => !isWebhookEventType(event));
  if (unknown.length > 0) {
    throw new DomainError('validation_failed', `${field}: unknown event ${unknown.map((e) => JSON.stringify(e)).join(', ')} (known: ${WEBHOOK_EVENT_TYPES.join(', ')})`, { field });
  }
  if (events.length === 0) throw new DomainError('validation_failed', `${field} must name at least one event`, { field });
  return [...new Set(events)] as WebhookEventType[];
}
