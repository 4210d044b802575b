import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import type { PrivacyRequest, PrivacyRequestEvent } from '@relance/db';
import type { Page } from '@relance/db/repositories/keyset-page';
import { DomainError } from '@relance/errors';
import { AuditTrail } from '../audit-trail';
import { type PrivacyRequestFilter, PrivacyRequestRepository } from './privacy-request.repository';
import { type LiveState, PrivacyRequestWorkflows } from './privacy-request-workflows';
import { rectificationFields } from './rectification-fields';
import { SubjectRowsRepository } from './subject-rows.repository';
import { subjectNotices } from './subject-notices';
import { SystemMailer } from './system-mailer';

/** Who acts: a staff member by id (the API's token and the console's session both give one). */
export interface StaffActor {
  readonly staffUserId: string;
}

/**
 * What staff do with requests, from the API and the console alike: list them, read one with its
 * workflow's live state, verify one by hand, extend it once, give the fields to rectify, reject
 * one, lift a restriction.
 */
@Injectable()
export class PrivacyRequestStaffActions {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrivacyRequestRepository) private readonly requests: PrivacyRequestRepository,
    @Inject(SubjectRowsRepository) private readonly rows: SubjectRowsRepository,
    @Inject(PrivacyRequestWorkflows) private readonly workflows: PrivacyRequestWorkflows,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(SystemMailer) private readonly mailer: SystemMailer,
  ) {}

  async list(filter: PrivacyRequestFilter, limit: number, after?: string): Promise<Page<PrivacyRequest>> {
    const page = await this.requests.list(filter, { limit, after });
    if (!page) {
      const message = 'after must be the id of a privacy request of this list (use nextCursor)';
      throw new DomainError('validation_failed', message, { field: 'after', details: [{ field: 'after', message }] });
    }
    return page;
  }

  async get(id: string): Promise<{ request: PrivacyRequest; events: PrivacyRequestEvent[]; live: LiveState }> {
    const request = await this.found(id);
    const [events, live] = await Promise.all([this.requests.events(id), this.workflows.live(id)]);
    return { request, events, live };
  }

  /**
   * Closes an open request unexecuted and tells the requester why (when Relance has an address
   * for them: a customer filing for a prospect has its own channel). The row is closed first, so
   * a mail that fails leaves an honest state: rejected, with an event saying the notice failed.
   */
  async reject(staff: StaffActor, id: string, reason: string): Promise<PrivacyRequest> {
    const open = await this.found(id);
    // Being carried out: too late to refuse it (the certificate will say what was done).
    if ((await this.workflows.live(id)).live?.phase === 'executing') {
      throw new DomainError('conflict', `privacy request ${id} is being carried out now: it can no longer be rejected`);
    }
    const rejected = await this.requests.reject(id, new Date());
    if (!rejected) throw new DomainError('conflict', `privacy request ${id} is ${(await this.found(id)).status}: only an open request is rejected`);
    await this.requests.addEvent(id, 'rejected', { staffId: staff.staffUserId });
    await this.record(staff, 'privacy_request.rejected', rejected, reason);
    await this.workflows.wake(id, 'rejected');
    if (open.contactEmail) {
      try {
        await this.mailer.send(subjectNotices.rejected(open.contactEmail, id, reason));
        await this.requests.addEvent(id, 'subject_told_of_rejection');
      } catch (error) {
        await this.requests.addEvent(id, 'rejection_notice_failed', { error: (error as Error).message });
        throw new DomainError('unavailable', `privacy request ${id} was rejected, but the requester could not be mailed: ${(error as Error).message}`);
      }
    }
    return rejected;
  }

  async verify(staff: StaffActor, id: string, reason: string): Promise<PrivacyRequest> {
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
  async extend(staff: StaffActor, id: string, reason: string): Promise<PrivacyRequest> {
    const request = await this.found(id);
    if (request.status !== 'verified' || !request.dueAt) throw new DomainError('conflict', `privacy request ${id} is ${request.status}: only an open, verified request is extended`);
    const extended = await this.requests.extend(id, reason, new Date(), new Date(request.dueAt.getTime() + this.config.privacy.deadlineMs));
    if (!extended) throw new DomainError('conflict', `privacy request ${id} was extended already: a request is extended once`);
    await this.requests.addEvent(id, 'extended', { staffId: staff.staffUserId, dueAt: extended.dueAt!.toISOString() });
    await this.record(staff, 'privacy_request.extended', extended, reason);
    await this.workflows.wake(id, 'extended');
    return extended;
  }

  async rectify(staff: StaffActor, id: string, input: Record<string, unknown>): Promise<PrivacyRequest> {
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
  async liftRestriction(staff: StaffActor, id: string): Promise<PrivacyRequest> {
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

  private record(staff: StaffActor, action: string, request: PrivacyRequest, reason: string | null, details: Record<string, unknown> = {}) {
    return this.audit.record({
      actor: { kind: 'staff', id: staff.staffUserId }, action, target: { type: 'privacy_request', id: request.id },
      accountId: request.accountId, reason, details,
    });
  }
}
