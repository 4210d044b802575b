import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { TokenSigner } from '@relance/crypto/signed-token';
import { APP_LOGGER } from '@relance/observability';
import type { PrivacyDeadlineEvent, PrivacyRequestState } from '@relance/temporal/contracts';
import { AuditTrail } from '../audit-trail';
import { PrivacyRequestRepository } from './privacy-request.repository';
import { subjectNotices } from './subject-notices';
import { SystemMailer } from './system-mailer';

const SYSTEM = { kind: 'system' as const, id: null };

/** The steps of a request's workflow other than carrying it out: each by id, each audited or recorded. */
@Injectable()
export class PrivacyRequestLifecycle {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrivacyRequestRepository) private readonly requests: PrivacyRequestRepository,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(SystemMailer) private readonly mailer: SystemMailer,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async state(requestId: string): Promise<PrivacyRequestState> {
    const request = await this.requests.find(requestId);
    if (!request) throw new Error(`privacy request ${requestId} does not exist`);
    return {
      status: request.status,
      type: request.type,
      expiresAt: new Date(request.createdAt.getTime() + this.config.privacy.unverifiedExpiryMs).toISOString(),
      dueAt: request.dueAt?.toISOString() ?? null,
      hasFields: request.fields !== null && Object.keys(request.fields).length > 0,
      reminderOffsetsMs: [...this.config.privacy.reminderOffsetsMs],
    };
  }

  /** The link expires with the request's verification window; only a request still awaiting it is mailed. */
  async sendVerificationLink(requestId: string): Promise<void> {
    const request = await this.requests.find(requestId);
    if (!request || request.status !== 'awaiting_verification' || !request.contactEmail) return;
    const expiresAt = new Date(request.createdAt.getTime() + this.config.privacy.unverifiedExpiryMs);
    const ttl = Math.max(1_000, expiresAt.getTime() - Date.now());
    const token = await this.tokens.sign('privacy-verify', requestId, ttl);
    const link = `${this.config.api.publicUrl}/v1/privacy-requests/verify/${token}`;
    await this.mailer.send(subjectNotices.verification(request.contactEmail, requestId, link, expiresAt));
    await this.requests.addEvent(requestId, 'verification_link_sent', { expiresAt: expiresAt.toISOString() });
  }

  async expire(requestId: string): Promise<void> {
    const closed = await this.requests.close(requestId, 'expired', null, new Date(), { kind: 'expired' });
    if (!closed) return;
    await this.audit.record({ actor: SYSTEM, action: 'privacy_request.expired', target: { type: 'privacy_request', id: requestId }, accountId: closed.accountId });
    this.logger.info({ requestId }, 'privacy request expired unverified');
  }

  /** A reminder to staff or the escalation: a row staff list, an audit entry for the escalation, a log line by id. */
  async recordDeadlineEvent(requestId: string, event: PrivacyDeadlineEvent): Promise<void> {
    const at = new Date(event.at);
    if (event.kind === 'reminder') {
      await this.requests.addEvent(requestId, 'reminder', { offsetMs: event.offsetMs, dueAt: new Date(at.getTime() + event.offsetMs).toISOString() });
      this.logger.warn({ requestId, dueAt: new Date(at.getTime() + event.offsetMs).toISOString() }, 'privacy request due soon');
      return;
    }
    await this.requests.markEscalated(requestId, new Date());
    await this.requests.addEvent(requestId, 'escalated', { dueAt: event.at });
    await this.audit.record({ actor: SYSTEM, action: 'privacy_request.escalated', target: { type: 'privacy_request', id: requestId } });
    this.logger.error({ requestId, dueAt: event.at }, 'privacy request overdue: escalated');
  }

  async notifyExtension(requestId: string): Promise<void> {
    const request = await this.requests.find(requestId);
    if (!request?.contactEmail || !request.dueAt) return;
    await this.mailer.send(subjectNotices.extension(request.contactEmail, requestId, request.dueAt, request.extensionReason ?? ''));
    await this.requests.addEvent(requestId, 'subject_told_of_extension');
  }
}
