import type { ComposedMessage, SendContext } from '@relance/db/repositories/outbox.repository';
import { trackedLinksOf, trackingBaseUrl } from './tracking-links';

/**
 * A composed message with the tracking its campaign asks for: where its pixel and links point
 * (the campaign's or account's tracking domain, else `publicUrl`) and the body's links, the only
 * places its click tokens may lead to. The body stays as written; its HTML part is built when
 * the email is sent. Without tracking, neither is set and the email goes out as plain text.
 */
export function withTracking(message: ComposedMessage, context: SendContext, publicUrl: string): ComposedMessage {
  if (!context.tracking.enabled) return { ...message, trackingBaseUrl: null, trackedLinks: [] };
  return {
    ...message,
    trackingBaseUrl: trackingBaseUrl(context.tracking.domain, publicUrl),
    trackedLinks: trackedLinksOf(message.bodyText),
  };
}
