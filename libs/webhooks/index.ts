export { WebhooksModule } from './webhooks.module';
export { WebhookEvents } from './webhook-events.service';
export { WebhookEndpoints, type EndpointInput, type EndpointWithSecret } from './webhook-endpoints.service';
export { WebhookDeliveries } from './webhook-deliveries.service';
export { WebhookDeliverer } from './webhook-deliverer.service';
export { WEBHOOK_EVENT_TYPES, type WebhookEventType, type WebhookEvent, type WebhookPayload } from './webhook-events';
export { newWebhookSecret, signWebhook } from './webhook-signature';
export { webhookTarget, type WebhookNetworkPolicy } from './webhook-url';
export { webhookNetworkPolicy } from './webhook-policy';
