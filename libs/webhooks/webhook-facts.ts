import { Inject, Injectable, Optional } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_LOGGER } from '@relance/observability';
import { WebhookEvents } from './webhook-events.service';
import { WebhookFactsRepository, type EnrollmentFacts } from './webhook-facts.repository';
import type { WebhookEvent } from './webhook-events';

/** What inbound mail meant, as the mailbox sync classified it. */
export type InboundKind = 'reply' | 'referral' | 'auto_reply' | 'bounce' | 'complaint';

const INBOUND_EVENT = { reply: 'prospect.replied', referral: 'prospect.replied', auto_reply: 'prospect.auto_replied', bounce: 'prospect.bounced' } as const;

/**
 * Turns a fact Relance just recorded (by its id) into a webhook event. Each method is called
 * right after the fact is committed, by the service that committed it, and never fails it.
 */
@Injectable()
export class WebhookFacts {
  constructor(
    @Inject(WebhookFactsRepository) private readonly facts: WebhookFactsRepository,
    @Inject(WebhookEvents) private readonly events: WebhookEvents,
    @Optional() @Inject(APP_LOGGER) private readonly logger?: Logger,
  ) {}

  inboundRecorded(inboundMessageId: string, kind: InboundKind): Promise<void> {
    if (kind === 'complaint') return Promise.resolve();
    const type = INBOUND_EVENT[kind];
    return this.safely(async () => {
      const row = await this.facts.inbound(inboundMessageId);
      if (!row) return null;
      return {
        accountId: row.accountId, type, key: `inbound:${inboundMessageId}`, prospectId: row.prospectId, occurredAt: row.receivedAt ?? undefined,
        data: {
          ...prospectData(row), enrollmentId: row.enrollmentId, campaignId: row.campaignId, inboundMessageId,
          ...(type === 'prospect.bounced' ? { bounceReason: row.bounceReason } : {}),
        },
      };
    });
  }

  enrollmentFinished(enrollmentId: string): Promise<void> {
    return this.safely(async () => {
      const row = await this.facts.enrollment(enrollmentId);
      if (!row) return null;
      return {
        accountId: row.accountId, type: 'enrollment.finished', key: `enrollment:${enrollmentId}`, prospectId: row.prospectId,
        occurredAt: row.finishedAt ?? undefined,
        data: { ...prospectData(row), enrollmentId, campaignId: row.campaignId, status: row.status, stopReason: row.stopReason },
      };
    });
  }

  unsubscribed(messageId: string): Promise<void> {
    return this.safely(async () => {
      const row = await this.facts.messageRecipient(messageId);
      if (!row) return null;
      return {
        accountId: row.accountId, type: 'prospect.unsubscribed', key: `unsubscribe:${row.prospectId}:${messageId}`, prospectId: row.prospectId,
        data: { ...prospectData(row), enrollmentId: row.enrollmentId, campaignId: row.campaignId, messageId },
      };
    });
  }

  importFinished(importJobId: string): Promise<void> {
    return this.safely(async () => {
      const row = await this.facts.importJob(importJobId);
      if (!row) return null;
      const { accountId, completedAt, ...data } = row;
      return { accountId, type: 'import.finished', key: `import:${importJobId}`, prospectId: null, occurredAt: completedAt ?? undefined, data };
    });
  }

  /** The payload names the request and its prospect by id only: the person may just have been erased. */
  privacyRequestDone(requestId: string): Promise<void> {
    return this.safely(async () => {
      const row = await this.facts.privacyRequest(requestId);
      if (!row) return null;
      const { accountId, completedAt, ...data } = row;
      return { accountId, type: 'privacy_request.done', key: `privacy-request:${requestId}`, prospectId: null, occurredAt: completedAt ?? undefined, data };
    });
  }

  private async safely(build: () => Promise<WebhookEvent | null>): Promise<void> {
    try {
      const event = await build();
      if (event) await this.events.emit(event);
    } catch (error) {
      this.logger?.error({ err: { message: (error as Error).message } }, 'webhook event not built');
    }
  }
}

function prospectData(row: EnrollmentFacts) {
  return { prospectId: row.prospectId, email: row.email, firstName: row.firstName, lastName: row.lastName, company: row.company };
}
