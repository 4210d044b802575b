import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import type { PrivacyRequest, PrivacyRequestEvent } from '@relance/db';
import type { Page } from '@relance/db/repositories/keyset-page';
import { DomainError } from '@relance/errors';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { type PrivacyRequestFilter, PrivacyRequestRepository, SubjectRowsRepository } from '@relance/privacy/requests';
import type { StaffContext } from '../common/api-request';
import { invalidCursor } from '../common/pagination';
import { PrivacyRequestWorkflows } from './privacy-request-workflows';
import { rectificationFields } from './rectification-fields';

/** What staff do with requests: list them, verify one by hand, extend it once, give the fields to rectify, lift a restriction. */
@Injectable()
export class PrivacyRequestStaffActions {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrivacyRequestRepository) private readonly requests: PrivacyRequestRepository,
    @Inject(SubjectRowsRepository) private readonly rows: SubjectRowsRepository,
    @Inject(PrivacyRequestWorkflows) private readonly workflows: PrivacyRequestWorkflows,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async list(filter: PrivacyRequestFilter, limit: number, after?: string): Promise<Page<PrivacyRequest>> {
    const page = await this.requests.list(filter, { limit, after });
    if (!page) throw invalidCursor('a privacy request of this list');
    return page;
  }

  async get(id: string): Promise<{ request: PrivacyRequest; events: PrivacyRequestEvent[] }> {
    return { request: await this.found(id), events: await this.requests.events(id) };
  }

  async verify(staff: StaffContext, id: string, reason: string): Promise<PrivacyRequest> {
    const now = new Date();
    const verified = await this.requests.verify(id, {
      method: 'staff', staffId: staff.staffUserId, reason, at: now, dueAt: new Date(now.getTime() + this.config.privacy.deadlineMs),
    });
    if (!verified) throw new DomainError('conflict', `privacy request ${id} is ${(await this.found(id)).status}, not awaiting verification`);
    await this.requests.addEvent(id, 'verified', { method: 'staff', staffId: staff.staffUserId });
    await this.record(staff, 'privacy_request.verified', verified, reason);
    await this.workflows.wake(id, 'verified');
    return verified;
  }

  /** The one extension: another deadline's length from the current due date; the workflow tells the subject. */
  async extend(staff: StaffContext, id: string, reason: string): Promise<PrivacyRequest> {
    const request = await this.found(id);
    if (request.status !== 'verified' || !request.dueAt) throw new DomainError('conflict', `privacy request ${id} is ${request.status}: only an open, verified request is extended`);
    const extended = await this.requests.extend(id, reason, new Date(), new Date(request.dueAt.getTime() + this.config.privacy.deadlineMs));
    if (!extended) throw new DomainError('conflict', `privacy request ${id} was extended already: a request is extended once`);
    await this.requests.addEvent(id, 'extended', { staffId: staff.staffUserId, dueAt: extended.dueAt!.toISOString() });
    await this.record(staff, 'privacy_request.extended', extended, reason);
    await this.workflows.wake(id, 'extended');
    return extended;
  }

  async rectify(staff: StaffContext, id: string, input: Record<string, unknown>): Promise<PrivacyRequest> {
    const fields = rectificationFields(input);
    const request = await this.found(id);
    if (request.type !== 'rectification') throw new DomainError('conflict', `privacy request ${id} is ${request.type}, not a rectification`);
    if (request.status !== 'verified') throw new DomainError('conflict', `privacy request ${id} is ${request.status}: fields are given once it is verified`);
    await this.requests.setFields(id, fields);
    await this.record(staff, 'privacy_request.fields_given', request, null, { fields: Object.keys(fields) });
    await this.workflows.wake(id, 'fields');
    return (await this.requests.find(id))!;
  }

  /** Ends a restriction a request set: the prospect may be mailed again. */
  async liftRestriction(staff: StaffContext, id: string): Promise<PrivacyRequest> {
    const request = await this.found(id);
    if (request.type !== 'restriction' || request.subjectKind !== 'prospect' || request.status !== 'completed') {
      throw new DomainError('conflict', `privacy request ${id} is not a completed restriction of a prospect`);
    }
    const lifted = await this.rows.setRestricted({ accountId: request.accountId!, prospectId: request.prospectId! }, false);
    if (!lifted) throw DomainError.notFound('prospect', request.prospectId!);
    await this.requests.addEvent(id, 'restriction_lifted', { staffId: staff.staffUserId });
    await this.record(staff, 'prospect.restriction_lifted', request, null, { prospectId: request.prospectId });
    return request;
  }

  private async found(id: string): Promise<PrivacyRequest> {
    const request = await this.requests.find(id);
    if (!request) throw DomainError.notFound('privacy request', id);
    return request;
  }

  private record(staff: StaffContext, action: string, request: PrivacyRequest, reason: string | null, details: Record<string, unknown> = {}) {
    return this.audit.record({
      actor: { kind: 'staff', id: staff.staffUserId }, action, target: { type: 'privacy_request', id: request.id },
      accountId: request.accountId, reason, details,
    });
  }
}
