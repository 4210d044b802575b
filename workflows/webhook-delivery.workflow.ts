import { proxyActivities } from '@temporalio/workflow';
import type { WebhookAttemptOutcome, WebhookDeliveryActivities, WebhookDeliveryInput } from '@relance/temporal/contracts';

const { failWebhookDelivery } = proxyActivities<WebhookDeliveryActivities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/**
 * Posts one event to one endpoint. Temporal's retry policy is the backoff: each failed POST is
 * a failed activity attempt, tried again later and later until the delivery's time is up; then
 * the delivery is marked failed (which may disable its endpoint). One workflow per delivery, so
 * a receiver that hangs or fails holds up nothing but its own deliveries.
 */
export async function webhookDeliveryWorkflow(input: WebhookDeliveryInput): Promise<WebhookAttemptOutcome | 'failed'> {
  const { retry } = input;
  const { attemptWebhookDelivery } = proxyActivities<WebhookDeliveryActivities>({
    // The POST gives up at attemptTimeoutMs; the margin covers the recording around it.
    startToCloseTimeout: retry.attemptTimeoutMs + 10_000,
    scheduleToCloseTimeout: retry.retryForMs,
    retry: {
      initialInterval: retry.initialIntervalMs,
      backoffCoefficient: 2,
      maximumInterval: retry.maximumIntervalMs,
      nonRetryableErrorTypes: ['WebhookRefused'],
    },
  });
  try {
    const { outcome } = await attemptWebhookDelivery({ deliveryId: input.deliveryId, attemptTimeoutMs: retry.attemptTimeoutMs });
    return outcome;
  } catch {
    // Out of time, or refused for good (the URL leads to a private network): either way, failed.
    await failWebhookDelivery({ deliveryId: input.deliveryId });
    return 'failed';
  }
}
