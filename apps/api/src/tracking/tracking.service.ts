import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { TokenError, TokenSigner } from '@relance/crypto/signed-token';
import { TrackingRepository } from '@relance/db/repositories/tracking.repository';
import { parseClickSubject } from '@relance/tracking';
import { API_LOGGER } from '../common/logger.module';
import type { ClickProblem } from './tracking-responses';
import { trackingVisitor } from './tracking-visitor';

/** The request as tracking sees it: the client's address (per TRUST_PROXY) and user agent. */
export interface TrackingRequest {
  ip: string | undefined;
  userAgent: string | undefined;
}

export type ClickOutcome = { kind: 'redirect'; url: string } | { kind: 'problem'; problem: ClickProblem };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Opens (the pixel) and clicks (the tracked links) of sent emails. Tokens are signed per
 * message ('open') and per message and link index ('click'); a click leads only to a link
 * stored with that message, so a token cannot be made to redirect anywhere else.
 */
@Injectable()
export class TrackingService {
  constructor(
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(TrackingRepository) private readonly tracking: TrackingRepository,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  /** Records an open when the token is good; a bad token or a deleted message records nothing. */
  async open(token: string, request: TrackingRequest): Promise<void> {
    let messageId: string;
    try {
      messageId = (await this.tokens.verify(token, 'open')).subject;
    } catch (error) {
      if (error instanceof TokenError) return;
      throw error;
    }
    if (!UUID.test(messageId)) return;
    const recorded = await this.tracking.recordOpen(messageId, trackingVisitor(request.ip, request.userAgent));
    this.logger.debug({ messageId, recorded }, 'email opened');
  }

  /** `record` false (a HEAD request): the same answer, nothing recorded. */
  async click(token: string, request: TrackingRequest, record = true): Promise<ClickOutcome> {
    let subject: string;
    try {
      subject = (await this.tokens.verify(token, 'click')).subject;
    } catch (error) {
      if (error instanceof TokenError) return { kind: 'problem', problem: error.code };
      throw error;
    }
    const link = parseClickSubject(subject);
    if (!link || !UUID.test(link.messageId)) return { kind: 'problem', problem: 'token_invalid' };
    const outcome = record
      ? await this.tracking.recordClick(link.messageId, link.index, trackingVisitor(request.ip, request.userAgent))
      : await this.tracking.linkOf(link.messageId, link.index);
    if (record) this.logger.debug({ messageId: link.messageId, link: link.index, outcome: outcome.kind }, 'tracked link followed');
    if (outcome.kind === 'recorded') return { kind: 'redirect', url: outcome.url };
    return { kind: 'problem', problem: outcome.kind === 'message_gone' ? 'not_found' : 'no_such_link' };
  }
}
