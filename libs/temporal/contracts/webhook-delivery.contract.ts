export const WEBHOOK_DELIVERY_WORKFLOW = 'webhookDeliveryWorkflow';

/**
 * One workflow per delivery, named by its id: the payload and the URL stay in the database.
 * The retry schedule comes from WEBHOOK_* (numbers, read by whoever starts the workflow),
 * since workflow code reads no configuration.
 */
export interface WebhookDeliveryInput {
  deliveryId: string;
  retry: WebhookRetryPlan;
}

export interface WebhookRetryPlan {
  /** Longest wait for one POST; the activity's own timeout is a little longer. */
  attemptTimeoutMs: number;
  initialIntervalMs: number;
  maximumIntervalMs: number;
  /** How long attempts go on in all before the delivery fails. */
  retryForMs: number;
}

/** delivered: a 2xx; dropped: nothing left to do (the endpoint is gone, disabled, or a REST hook answered 410). */
export type WebhookAttemptOutcome = 'delivered' | 'dropped';

export interface WebhookDeliveryActivities {
  /**
   * Signs and posts the delivery once and records the attempt. Resolves when the receiver took it
   * (2xx) or when there is nothing left to deliver to; throws (retryably) on any other answer or
   * none, and non-retryably when the URL leads where Relance does not post.
   */
  attemptWebhookDelivery(input: { deliveryId: string; attemptTimeoutMs: number }): Promise<{ outcome: WebhookAttemptOutcome }>;
  /** Marks the delivery failed after its last attempt; counts it against its endpoint (which may disable it and mail the owner). */
  failWebhookDelivery(input: { deliveryId: string }): Promise<void>;
}
