import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { TokenError, TokenSigner } from '@relance/crypto/signed-token';
import type { PrivacyRequest, PrivacyRequestType } from '@relance/db';
import { DomainError } from '@relance/errors';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { soleOwner } from '@relance/privacy/erasure/erasure.service';
import {
  CertificateSigner, type NewPrivacyRequest, PrivacyRequestRepository, PrivacyRequestWorkflows, rectificationFields, SubjectRowsRepository,
} from '@relance/privacy/requests';
import type { StaffContext } from '../common/api-request';
import type { StaffPrivacyRequestDto } from './dto/privacy-request-input.dto';
import { hashEmail } from '@relance/privacy/suppression-keys';

/**
 * Requests coming in: from anyone by email (verified by a mailed link), from a customer on a
 * prospect's behalf (verified by the customer's key), and the link that verifies the first kind.
 */
@Injectable()
export class PrivacyRequestIntake {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrivacyRequestRepository) private readonly requests: PrivacyRequestRepository,
    @Inject(SubjectRowsRepository) private readonly rows: SubjectRowsRepository,
    @Inject(PrivacyRequestWorkflows) private readonly workflows: PrivacyRequestWorkflows,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(CertificateSigner) private readonly certificates: CertificateSigner,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  /**
   * Always accepted alike, known address or not: the answer must not tell who is in Relance. The
   * same request again while the first awaits its confirmation answers with the first, mailing
   * nothing more, so the form cannot be used to flood someone's inbox with links.
   */
  async fromPublic(input: { email: string; type: PrivacyRequestType; message?: string }): Promise<PrivacyRequest> {
    const emailHash = hashEmail(this.config.suppression.hashKey, input.email);
    const pending = await this.requests.awaitingFor(emailHash, input.type);
    if (pending) return pending;
    const request = await this.requests.create({
      type: input.type, subjectKind: 'email', requester: 'subject',
      emailHash, contactEmail: input.email, message: input.message ?? null,
    });
    await this.audit.record({ actor: { kind: 'data_subject', id: null }, action: 'privacy_request.received', target: { type: 'privacy_request', id: request.id } });
    await this.workflows.start(request.id);
    return request;
  }

  async forProspect(
    accountId: string, apiKeyId: string, prospectId: string,
    input: { type: PrivacyRequestType; message?: string; fields?: Record<string, unknown> },
  ): Promise<PrivacyRequest> {
    if (!(await this.rows.prospectExists({ accountId, prospectId }))) throw DomainError.notFound('prospect', prospectId);
    const fields = input.fields ? rectificationFields(input.fields) : null;
    if (fields && input.type !== 'rectification') {
      throw DomainError.validation([{ field: 'fields', message: 'fields is only for a rectification' }]);
    }
    const created = await this.requests.create({
      type: input.type, subjectKind: 'prospect', requester: 'customer', requesterId: apiKeyId,
      accountId, prospectId, message: input.message ?? null, fields,
    });
    const now = new Date();
    const request = (await this.requests.verify(created.id, {
      method: 'customer', staffId: null, reason: null, at: now, dueAt: new Date(now.getTime() + this.config.privacy.deadlineMs),
    }))!;
    await this.requests.addEvent(request.id, 'verified', { method: 'customer' });
    await this.audit.record({
      actor: { kind: 'api_key', id: apiKeyId }, action: 'privacy_request.received', target: { type: 'privacy_request', id: request.id },
      accountId, details: { type: input.type, prospectId, verifiedBy: 'customer' },
    });
    await this.workflows.start(request.id);
    return request;
  }

  /**
   * A request staff file for someone who wrote to support. The subject must exist (an address
   * need not: the certificate will say nothing was found); a rep's details are edited in the app
   * and a rep is never mailed by a sequence, so only access and erasure concern a user, and the
   * account's only owner is erased by closing the account. Verified at once when staff give how
   * they verified the person; otherwise the subject's address gets the confirmation link.
   */
  async fromStaff(staff: StaffContext, input: StaffPrivacyRequestDto): Promise<PrivacyRequest> {
    const subject = await this.staffSubject(input);
    const created = await this.requests.create({
      type: input.type, requester: 'staff', requesterId: staff.staffUserId, message: input.message ?? null, ...subject,
    });
    await this.audit.record({
      actor: { kind: 'staff', id: staff.staffUserId }, action: 'privacy_request.received', target: { type: 'privacy_request', id: created.id },
      accountId: created.accountId, reason: input.verificationReason ?? null,
      details: { type: input.type, subject: input.subject, verifiedBy: input.verificationReason ? 'staff' : 'link' },
    });
    let request = created;
    if (input.verificationReason) {
      const now = new Date();
      request = (await this.requests.verify(created.id, {
        method: 'staff', staffId: staff.staffUserId, reason: input.verificationReason, at: now,
        dueAt: new Date(now.getTime() + this.config.privacy.deadlineMs),
      }))!;
      await this.requests.addEvent(request.id, 'verified', { method: 'staff', staffId: staff.staffUserId });
    }
    await this.workflows.start(request.id);
    return request;
  }

  private async staffSubject(input: StaffPrivacyRequestDto): Promise<Omit<NewPrivacyRequest, 'type' | 'requester'>> {
    if (input.subject === 'user') {
      const ref = { accountId: input.accountId!, userId: input.userId! };
      const user = await this.rows.user(ref);
      if (!user) throw DomainError.notFound('user', ref.userId, 'userId');
      if (input.type !== 'access' && input.type !== 'erasure') {
        throw DomainError.validation([{ field: 'type', message: `a user's ${input.type} is not a request: they edit their details in the app, and sequences never mail them` }]);
      }
      if (input.type === 'erasure' && user.soleOwner) throw soleOwner(ref.userId);
      return { subjectKind: 'user', ...ref, contactEmail: user.email };
    }
    if (input.subject === 'prospect') {
      const ref = { accountId: input.accountId!, prospectId: input.prospectId! };
      const email = await this.rows.prospectEmail(ref);
      if (!email) throw DomainError.notFound('prospect', ref.prospectId, 'prospectId');
      return { subjectKind: 'prospect', ...ref, contactEmail: email };
    }
    const email = input.email!;
    return { subjectKind: 'email', accountId: input.accountId ?? null, emailHash: hashEmail(this.config.suppression.hashKey, email), contactEmail: email };
  }

  /** What a verification link names, without acting on it (mail scanners open links). */
  async inspectLink(token: string): Promise<PrivacyRequest> {
    const request = await this.requests.find(await this.requestIdOf(token, 'privacy-verify'));
    if (!request) throw linkProblem('this verification link names no request');
    return request;
  }

  /** Verifies the request the link names; a link used already, or whose request expired, is refused. */
  async verifyByLink(token: string): Promise<PrivacyRequest> {
    const requestId = await this.requestIdOf(token, 'privacy-verify');
    const now = new Date();
    const verified = await this.requests.verify(requestId, {
      method: 'link', staffId: null, reason: null, at: now, dueAt: new Date(now.getTime() + this.config.privacy.deadlineMs),
    });
    if (!verified) {
      const request = await this.requests.find(requestId);
      if (!request) throw linkProblem('this verification link names no request');
      throw new DomainError('conflict', request.status === 'expired'
        ? 'this request expired before it was confirmed: make a new one'
        : 'this verification link was used already', { field: 'token' });
    }
    await this.requests.addEvent(requestId, 'verified', { method: 'link' });
    await this.audit.record({ actor: { kind: 'data_subject', id: null }, action: 'privacy_request.verified', target: { type: 'privacy_request', id: requestId }, details: { method: 'link' } });
    await this.workflows.wake(requestId, 'verified');
    return verified;
  }

  async checkCertificate(certificate: string): Promise<{ valid: boolean; body: Record<string, unknown> | null }> {
    const body = await this.certificates.verify(certificate);
    return { valid: body !== null, body: body as Record<string, unknown> | null };
  }

  /** An access export, by its signed expiring link. */
  async exportOf(token: string): Promise<Record<string, unknown>> {
    const request = await this.requests.find(await this.requestIdOf(token, 'privacy-export'));
    if (!request?.exportData) throw new DomainError('not_found', 'this export is no longer available');
    return request.exportData;
  }

  private async requestIdOf(token: string, purpose: 'privacy-verify' | 'privacy-export'): Promise<string> {
    try {
      return (await this.tokens.verify(token, purpose)).subject;
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      throw linkProblem(error.code === 'token_expired' ? 'this link has expired' : `this link is not valid: ${error.message}`);
    }
  }
}

function linkProblem(message: string): DomainError {
  return DomainError.validation([{ field: 'token', message }]);
}
