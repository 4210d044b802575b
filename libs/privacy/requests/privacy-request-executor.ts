import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { TokenSigner } from '@relance/crypto/signed-token';
import type { PrivacyRequest } from '@relance/db';
import { DomainError } from '@relance/errors';
import { AuditTrail } from '../audit-trail';
import { ErasureService } from '../erasure/erasure.service';
import { WorkflowPurge } from '../erasure/workflow-purge';
import { LogArchives } from '../retention/log-archives';
import { CertificateSigner, type CertificateBody } from './privacy-certificate';
import { PrivacyRequestRepository } from './privacy-request.repository';
import { type ProspectRef, SubjectRowsRepository, type UserRef } from './subject-rows.repository';
import { subjectNotices } from './subject-notices';
import { SystemMailer } from './system-mailer';

const SYSTEM = { kind: 'system' as const, id: null };

/** Whom a request is about, once resolved: prospects, and reps of accounts (by ids). */
interface Subjects {
  prospects: ProspectRef[];
  users: UserRef[];
}

/** What carrying out one request did: counts per table and other actions, for its certificate. */
interface Outcome {
  /** Whether anything was held about the subject. */
  found: boolean;
  counts: Record<string, number>;
  actions: string[];
  exportLink: string | null;
}

/**
 * Carries out a verified privacy request on every prospect and user it is about (a request by
 * address: everyone holding that address), then signs its
 * certificate, stores it, mails it to the requester and closes the request (which nulls the
 * contact address and the message). A request about an address never held completes too, with
 * a certificate saying nothing was found.
 */
/** The request was rejected by staff before it ran: final, nothing was done. */
export class PrivacyRequestRejectedError extends Error {
  constructor(requestId: string) {
    super(`privacy request ${requestId} was rejected before it ran`);
    this.name = 'PrivacyRequestRejectedError';
  }
}

@Injectable()
export class PrivacyRequestExecutor {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(PrivacyRequestRepository) private readonly requests: PrivacyRequestRepository,
    @Inject(SubjectRowsRepository) private readonly rows: SubjectRowsRepository,
    @Inject(ErasureService) private readonly erasure: ErasureService,
    @Inject(WorkflowPurge) private readonly purge: WorkflowPurge,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(CertificateSigner) private readonly certificates: CertificateSigner,
    @Inject(SystemMailer) private readonly mailer: SystemMailer,
  ) {}

  async execute(requestId: string): Promise<{ found: boolean }> {
    const request = await this.requests.find(requestId);
    if (!request) throw new Error(`privacy request ${requestId} does not exist`);
    if (request.status === 'completed') return { found: certificateFound(request) };
    // Staff rejected it after the workflow last read it: nothing is done (the activity says so, once).
    if (request.status === 'rejected') throw new PrivacyRequestRejectedError(requestId);
    if (request.status !== 'verified') throw new Error(`privacy request ${requestId} is ${request.status}, not verified`);
    const subjects = await this.subjectsOf(request);
    const outcome = await this.carryOut(request, subjects);
    const { found } = outcome;
    const completedAt = new Date();
    const body: CertificateBody = {
      requestId, type: request.type, found, counts: outcome.counts, actions: outcome.actions,
      receivedAt: request.createdAt.toISOString(), verifiedAt: request.verifiedAt?.toISOString() ?? null,
      completedAt: completedAt.toISOString(),
    };
    const certificate = await this.certificates.sign(body);
    const contact = request.contactEmail;
    await this.audit.record({
      actor: SYSTEM, action: `privacy_request.${request.type}_executed`, target: { type: 'privacy_request', id: requestId },
      accountId: request.accountId, details: { found, counts: outcome.counts, actions: outcome.actions },
    });
    // Mailed before closing: closing nulls the contact address. A retry after a failed close mails again, which is harmless.
    if (contact) await this.mailer.send(subjectNotices.completed(contact, requestId, certificate, outcome.exportLink));
    await this.requests.close(requestId, 'completed', certificate, completedAt, {
      kind: 'completed', details: { found, tables: Object.keys(outcome.counts).length },
    });
    return { found };
  }

  /**
   * Whom the request is about: its prospect or its user, or everyone holding the address that
   * filed it (prospects of every account, or of its account; reps too).
   */
  private async subjectsOf(request: PrivacyRequest): Promise<Subjects> {
    if (request.subjectKind === 'prospect') {
      const ref = { accountId: request.accountId!, prospectId: request.prospectId! };
      return { prospects: (await this.rows.prospectExists(ref)) ? [ref] : [], users: [] };
    }
    if (request.subjectKind === 'user') {
      const ref = { accountId: request.accountId!, userId: request.userId! };
      return { prospects: [], users: (await this.rows.userExists(ref)) ? [ref] : [] };
    }
    if (!request.contactEmail) return { prospects: [], users: [] };
    return {
      prospects: await this.rows.prospectsByEmail(request.contactEmail, request.accountId),
      users: await this.rows.usersByEmail(request.contactEmail, request.accountId),
    };
  }

  private carryOut(request: PrivacyRequest, subjects: Subjects): Promise<Outcome> {
    switch (request.type) {
      case 'erasure': return this.erase(request.id, subjects);
      // A rep's details are theirs to edit in the app, and a rep is never mailed by a sequence:
      // rectification and restriction concern prospects (the staff intake refuses them for a user).
      case 'restriction': return this.restrict(request.id, subjects.prospects);
      case 'access': return this.exportRows(request.id, subjects);
      case 'rectification': return this.rectify(request, subjects.prospects);
    }
  }

  private async erase(requestId: string, subjects: Subjects): Promise<Outcome> {
    const counts: Record<string, number> = {};
    const actions: string[] = [];
    for (const subject of subjects.prospects) {
      const report = await this.erasure.eraseSubject({ kind: 'prospect', ...subject }, requestId, SYSTEM);
      for (const table of Object.keys(report.counts)) counts[table] = 0;
    }
    for (const user of subjects.users) {
      try {
        const report = await this.erasure.eraseSubject({ kind: 'user', ...user }, requestId, SYSTEM);
        for (const table of Object.keys(report.counts)) counts[table] = 0;
      } catch (error) {
        if (!(error instanceof DomainError && error.code === 'conflict')) throw error;
        // Said in the certificate rather than retried for ever: only the account's closure can erase its last owner.
        actions.push(`users: ${user.userId} not erased, being the only owner of account ${user.accountId}; closing the account erases it`);
      }
    }
    // The ledger, not this run, says what the request erased: a retried activity (after the
    // erasure committed, before the certificate) finds the subject gone but must certify it all.
    const ledger = await this.rows.erasedBy(requestId);
    Object.assign(counts, ledger.counts);
    if (ledger.userIds.length > 0) {
      // The reps' older request logs live on in the archives until these age out: erased there
      // too, for every rep the ledger says this request erased (a retry after a crash included).
      const erased = new Set(ledger.userIds);
      counts.request_log_archive_lines = await new LogArchives(this.config.retention.archiveDir)
        .eraseRows((row) => row.userId !== null && erased.has(row.userId));
    }
    const purged = await this.purge.purge(ledger.workflowIds);
    return {
      found: ledger.entries > 0 || actions.length > 0, counts, exportLink: null,
      actions: [...actions, `temporal: ${purged.deletedRuns} workflow runs deleted (${purged.terminated} terminated)`],
    };
  }

  private async restrict(requestId: string, subjects: ProspectRef[]): Promise<Outcome> {
    let restricted = 0;
    for (const subject of subjects) {
      if (!(await this.rows.setRestricted(subject, true))) continue;
      restricted++;
      await this.audit.record({
        actor: SYSTEM, action: 'prospect.restricted', target: { type: 'prospect', id: subject.prospectId },
        accountId: subject.accountId, details: { requestId },
      });
    }
    return { found: subjects.length > 0, counts: { prospects: restricted }, actions: ['prospects.restricted set: no sends until staff lift it'], exportLink: null };
  }

  private async exportRows(requestId: string, subjects: Subjects): Promise<Outcome> {
    const counts: Record<string, number> = {};
    const count = (tables: Record<string, unknown[]>) => {
      for (const [table, rows] of Object.entries(tables)) counts[table] = (counts[table] ?? 0) + rows.length;
      return tables;
    };
    const prospects: Record<string, unknown>[] = [];
    for (const subject of subjects.prospects) {
      prospects.push({ ...subject, tables: count(await this.rows.rowsOf('prospect', subject.prospectId)) });
    }
    const users: Record<string, unknown>[] = [];
    for (const user of subjects.users) users.push({ ...user, tables: count(await this.rows.rowsOf('user', user.userId)) });
    await this.requests.storeExport(requestId, { generatedAt: new Date().toISOString(), prospects, users });
    const token = await this.tokens.sign('privacy-export', requestId, this.config.privacy.exportLinkTtlMs);
    const link = `${this.config.api.publicUrl}/v1/privacy-requests/exports/${token}`;
    const found = subjects.prospects.length + subjects.users.length > 0;
    return { found, counts, actions: ['export: JSON stored for download by a signed expiring link'], exportLink: link };
  }

  private async rectify(request: PrivacyRequest, subjects: ProspectRef[]): Promise<Outcome> {
    const fields = request.fields ?? {};
    let changed = 0;
    for (const subject of subjects) {
      if (!(await this.rows.rectify(subject, fields))) continue;
      changed++;
      // Field names only: the new values are personal data and the trail outlives them.
      await this.audit.record({
        actor: SYSTEM, action: 'prospect.rectified', target: { type: 'prospect', id: subject.prospectId },
        accountId: subject.accountId, details: { requestId: request.id, fields: Object.keys(fields) },
      });
    }
    return { found: subjects.length > 0, counts: { prospects: changed }, actions: Object.keys(fields).map((name) => `prospects.${name} rectified`), exportLink: null };
  }
}

/** Whether a completed request's certificate said something was found (for a replayed activity). */
function certificateFound(request: PrivacyRequest): boolean {
  const payload = request.certificate?.split('.')[1];
  if (!payload) return false;
  try {
    return Boolean((JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as CertificateBody).found);
  } catch {
    return false;
  }
}
