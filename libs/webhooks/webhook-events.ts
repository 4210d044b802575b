/**
 * The events an endpoint can subscribe to, `<object>.<what happened>`, each emitted where
 * Relance records the fact (never from workflow code):
 * - prospect.replied, prospect.auto_replied, prospect.bounced: the mailbox sync stored an inbound message;
 * - prospect.unsubscribed: the one-click link in an email was followed;
 * - enrollment.finished: a sequence ran to its end (completed, or failed);
 * - import.finished: a CSV import completed or failed;
 * - privacy_request.done: a data-subject request about one of the account's people completed.
 */
export const WEBHOOK_EVENT_TYPES = [
  'prospect.replied',
  'prospect.auto_replied',
  'prospect.bounced',
  'prospect.unsubscribed',
  'enrollment.finished',
  'import.finished',
  'privacy_request.done',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export function isWebhookEventType(value: string): value is WebhookEventType {
  return (WEBHOOK_EVENT_TYPES as readonly string[]).includes(value);
}

/** The JSON body posted: what happened, when, and the ids and fields a customer's system needs. */
export interface WebhookPayload {
  type: WebhookEventType;
  timestamp: string;
  data: Record<string, unknown>;
}

/** One fact to post to every enabled endpoint of the account subscribed to its type. */
export interface WebhookEvent {
  accountId: string;
  type: WebhookEventType;
  /**
   * Names the fact (`inbound:<id>`, `import:<id>`…): recording it twice delivers it once, so a
   * retried activity emits again safely.
   */
  key: string;
  /** The prospect the payload is about, for erasure; null when it names nobody. */
  prospectId: string | null;
  data: Record<string, unknown>;
  occurredAt?: Date;
}

export function payloadOf(event: WebhookEvent): WebhookPayload {
  return { type: event.type, timestamp: (event.occurredAt ?? new Date()).toISOString(), data: event.data };
}
