import { Inject, Injectable, Optional } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { Vault } from '@relance/crypto';
import type { WebhookDelivery } from '@relance/db/entities/webhook-delivery.entity';
import type { WebhookEndpoint } from '@relance/db/entities/webhook-endpoint.entity';
import { DomainError } from '@relance/errors';
import { APP_LOGGER } from '@relance/observability';
import { SystemMailer } from '@relance/privacy/requests/system-mailer';
import type { WebhookAttemptOutcome } from '@relance/temporal/contracts';
import { endpointDisabledMail } from './endpoint-disabled-mail';
import { WebhookDeliveryRepository } from './webhook-delivery.repository';
import { WebhookEndpointRepository } from './webhook-endpoint.repository';
import { webhookNetworkPolicy } from './webhook-policy';
import { postWebhook, type PostResult } from './webhook-post';
import { openEndpointSecret } from './webhook-secrets';
import { signWebhook } from './webhook-signature';
import { UnresolvedWebhookHost, webhookTarget } from './webhook-url';

/** What the delivery workflow's activities do: one signed POST at a time, each recorded. */
@Injectable()
export class WebhookDeliverer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(WebhookEndpointRepository) private readonly endpoints: WebhookEndpointRepository,
    @Inject(WebhookDeliveryRepository) private readonly deliveries: WebhookDeliveryRepository,
    @Inject(Vault) private readonly vault: Vault,
    @Inject(SystemMailer) private readonly mailer: SystemMailer,
    @Optional() @Inject(APP_LOGGER) private readonly logger?: Logger,
  ) {}

  /**
   * One attempt. The URL is judged again now (its DNS may have changed since it was saved); the
   * timestamp is the attempt's, the id the delivery's (the same on every retry).
   */
  async attempt(deliveryId: string, timeoutMs: number): Promise<WebhookAttemptOutcome> {
    const delivery = await this.deliveries.findById(deliveryId);
    if (!delivery || delivery.status !== 'pending') return delivery?.status === 'succeeded' ? 'delivered' : 'dropped';
    const endpoint = await this.endpoints.findById(delivery.endpointId);
    if (!endpoint || !endpoint.enabled) {
      await this.deliveries.settle(deliveryId, 'cancelled');
      return 'dropped';
    }
    const target = await this.vetted(delivery, endpoint);
    const body = JSON.stringify(delivery.payload);
    const headers = signWebhook(openEndpointSecret(this.vault, endpoint), delivery.id, new Date(), body);
    const result = await postWebhook(target, { ...headers }, body, timeoutMs);
    return this.judge(delivery, endpoint, result);
  }

  /** After the last attempt: the delivery failed, and its endpoint has one more failure in a row. */
  async fail(deliveryId: string): Promise<void> {
    const delivery = await this.deliveries.findById(deliveryId);
    if (!delivery || !(await this.deliveries.settle(deliveryId, 'failed'))) return;
    const counted = await this.endpoints.deliveryFailed(delivery.endpointId, this.config.webhooks.disableAfterFailures);
    if (!counted?.disabled) return;
    this.logger?.warn({ endpointId: delivery.endpointId, accountId: delivery.accountId, failures: counted.failures }, 'webhook endpoint disabled');
    const endpoint = await this.endpoints.findById(delivery.endpointId);
    const owner = await this.endpoints.ownerAddress(delivery.accountId);
    if (!endpoint || !owner) return;
    try {
      await this.mailer.send(endpointDisabledMail(owner, endpoint, counted.failures));
    } catch (error) {
      // The endpoint stays disabled either way; the owner also sees it in the API.
      this.logger?.error({ endpointId: endpoint.id, err: { message: (error as Error).message } }, 'webhook disabled notice not mailed');
    }
  }

  private async vetted(delivery: WebhookDelivery, endpoint: WebhookEndpoint) {
    try {
      return await webhookTarget(endpoint.url, webhookNetworkPolicy(this.config));
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      await this.deliveries.recordAttempt(delivery.id, { statusCode: null, durationMs: 0, error: error.message, responseSnippet: null }, null);
      if (error instanceof UnresolvedWebhookHost) throw ApplicationFailure.retryable(error.message, 'WebhookAttemptFailed');
      throw ApplicationFailure.nonRetryable(error.message, 'WebhookRefused');
    }
  }

  private async judge(delivery: WebhookDelivery, endpoint: WebhookEndpoint, result: PostResult): Promise<WebhookAttemptOutcome> {
    const attempt = result.kind === 'answered'
      ? { statusCode: result.statusCode, durationMs: result.durationMs, error: null, responseSnippet: result.snippet }
      : { statusCode: null, durationMs: result.durationMs, error: result.error, responseSnippet: null };
    if (result.kind === 'answered' && result.statusCode >= 200 && result.statusCode < 300) {
      await this.deliveries.recordAttempt(delivery.id, attempt, 'succeeded');
      await this.endpoints.deliverySucceeded(endpoint.id);
      return 'delivered';
    }
    if (result.kind === 'answered' && result.statusCode === 410 && endpoint.kind === 'rest_hook') {
      // Zapier's convention: 410 Gone from a REST hook's target means the Zap was turned off: unsubscribe.
      await this.endpoints.remove(endpoint.accountId, endpoint.id, 'rest_hook');
      this.logger?.info({ endpointId: endpoint.id, accountId: endpoint.accountId }, 'REST hook unsubscribed by its target (410)');
      return 'dropped';
    }
    await this.deliveries.recordAttempt(delivery.id, attempt, null);
    const why = result.kind === 'answered' ? `the endpoint answered ${result.statusCode}` : result.error;
    throw ApplicationFailure.retryable(`delivery ${delivery.id}: ${why}`, 'WebhookAttemptFailed');
  }
}
