import type { WebhookDeliverer } from '@relance/webhooks';
import type { WebhookDeliveryActivities } from '@relance/temporal/contracts';

export function createWebhookActivities(deps: { deliverer: WebhookDeliverer }): WebhookDeliveryActivities {
  return {
    attemptWebhookDelivery: async ({ deliveryId, attemptTimeoutMs }) => ({ outcome: await deps.deliverer.attempt(deliveryId, attemptTimeoutMs) }),
    failWebhookDelivery: ({ deliveryId }) => deps.deliverer.fail(deliveryId),
  };
}
