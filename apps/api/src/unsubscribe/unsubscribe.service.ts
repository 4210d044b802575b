import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { TokenSigner } from '@relance/crypto/signed-token';
import { SuppressionService } from '@relance/privacy';
import { WebhookFacts } from '@relance/webhooks/webhook-facts';
import { API_LOGGER } from '../common/logger.module';
import { EnrollmentSignals } from '../workflows/enrollment-signals.service';

export type UnsubscribeOutcome = { kind: 'unsubscribed' } | { kind: 'message_gone' };

/**
 * One-click unsubscribe (RFC 8058) from the link in an email: the token names the outbox
 * message, which names the account and the person. Repeating it is harmless.
 */
@Injectable()
export class UnsubscribeService {
  constructor(
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(SuppressionService) private readonly suppression: SuppressionService,
    @Inject(EnrollmentSignals) private readonly signals: EnrollmentSignals,
    @Inject(API_LOGGER) private readonly logger: Logger,
    @Inject(WebhookFacts) private readonly webhooks: WebhookFacts,
  ) {}

  /** Rejects with a TokenError when the token is forged, altered or expired. */
  async checkToken(token: string): Promise<string> {
    return (await this.tokens.verify(token, 'unsubscribe')).subject;
  }

  async unsubscribe(token: string): Promise<UnsubscribeOutcome> {
    const messageId = await this.checkToken(token);
    const done = await this.suppression.unsubscribeRecipient(messageId);
    if (!done) return { kind: 'message_gone' };
    const workflowIds = done.stoppedEnrollments.map((e) => e.workflowId);
    await this.signals.stop(workflowIds, 'unsubscribed');
    await this.webhooks.unsubscribed(messageId);
    this.logger.info(
      { messageId, accountId: done.accountId, prospectId: done.prospectId, enrollmentsStopped: workflowIds.length },
      'recipient unsubscribed',
    );
    return { kind: 'unsubscribed' };
  }
}
