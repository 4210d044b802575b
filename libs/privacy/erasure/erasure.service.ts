import { Inject, Injectable, Optional } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import type { AuditEntry } from '@relance/db/repositories/audit.repository';
import { DomainError } from '@relance/errors';
import { ImportFileErasure } from '@relance/imports/import-file-erasure';
import { AuditTrail } from '../audit-trail';
import { PERSONAL_DATA } from '../registry';
import type { PrivacySubject } from '../subject';
import { hashEmail } from '../suppression-keys';
import { erasureSteps } from './erasure-plan';
import { ErasureRepository, SOLE_OWNER } from './erasure.repository';

export interface ErasureReport {
  requestId: string;
  /** False when nothing was left to erase: erased before, or never this account's. */
  found: boolean;
  /** Rows removed per table, every table that can hold the subject's rows listed (zeros included). */
  counts: Record<string, number>;
  /** The subject's Temporal workflows, for WorkflowPurge (ids only). */
  workflowIds: string[];
}

/** Who asked for the erasure, as the audit trail records it. */
export type ErasureActor = AuditEntry['actor'];

/**
 * Erases a data subject from every store the personal-data registry declares, keeping only the
 * keyed hash that keeps them suppressed, the ledger entry that re-applies the erasure after a
 * restore, and the audit entry. Safe to run again: a second run finds nothing and counts zeros.
 * The subject's workflows are terminated and deleted afterwards by WorkflowPurge.
 */
@Injectable()
export class ErasureService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ErasureRepository) private readonly erasures: ErasureRepository,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    /** Stored CSV uploads hold the person too; optional only for tests that build the service by hand. */
    @Optional() @Inject(ImportFileErasure) private readonly importFiles?: ImportFileErasure,
  ) {}

  /** `reason`: why staff erased (kept in the audit entry); customers and requests have none. */
  async eraseSubject(subject: PrivacySubject, requestId: string, actor: ErasureActor, reason?: string): Promise<ErasureReport> {
    if (subject.kind === 'user') return this.eraseUser(subject, requestId, actor);
    if (subject.kind !== 'prospect') {
      // An address is first resolved to the prospects and users holding it (PrivacyRequestExecutor).
      throw new Error('an address-only subject is erased through the prospects and users holding it');
    }
    // First, while the prospect's address can still be read: their rows leave every stored upload of the account.
    await this.importFiles?.eraseProspect(subject.accountId, subject.prospectId);
    const erased = await this.erasures.eraseProspect({
      accountId: subject.accountId,
      prospectId: subject.prospectId,
      requestId,
      hashEmail: (email) => hashEmail(this.config.suppression.hashKey, email),
      audit: (manager, rows) => this.audit.record({
        actor,
        action: 'prospect.erased',
        target: { type: 'prospect', id: subject.prospectId },
        accountId: subject.accountId,
        reason: reason ?? null,
        details: { requestId, found: rows.found, counts: countsOf(rows.rowIds, 'prospect'), workflows: rows.workflowIds.length },
      }, manager),
    });
    return { requestId, found: erased.found, counts: countsOf(erased.rowIds, 'prospect'), workflowIds: erased.workflowIds };
  }

  /** A rep of an account; their account's only owner is refused (DomainError conflict): the account is closed instead. */
  private async eraseUser(subject: { accountId: string; userId: string }, requestId: string, actor: ErasureActor): Promise<ErasureReport> {
    const erased = await this.erasures.eraseUser({
      accountId: subject.accountId,
      userId: subject.userId,
      requestId,
      audit: (manager, rows) => this.audit.record({
        actor,
        action: 'user.erased',
        target: { type: 'user', id: subject.userId },
        accountId: subject.accountId,
        details: { requestId, found: rows.found, counts: countsOf(rows.rowIds, 'user') },
      }, manager),
    });
    if (erased === SOLE_OWNER) throw soleOwner(subject.userId);
    return { requestId, found: erased.found, counts: countsOf(erased.rowIds, 'user'), workflowIds: [] };
  }

  /** Which of `emails` belong to people erased from the account: they may not be added again. */
  async erasedAmong(accountId: string, emails: readonly string[]): Promise<Set<string>> {
    const hashes = emails.map((email) => hashEmail(this.config.suppression.hashKey, email));
    const erased = await this.erasures.erasedHashes(accountId, hashes);
    return new Set(emails.filter((_, i) => erased.has(hashes[i])));
  }
}

/** Row counts for every table an erasure of this kind visits, zeros included, in the registry's order. */
function countsOf(rowIds: Record<string, string[]>, kind: 'prospect' | 'user'): Record<string, number> {
  return Object.fromEntries(erasureSteps(PERSONAL_DATA, kind).map((step) => [step.table, rowIds[step.table]?.length ?? 0]));
}

export function soleOwner(userId: string): DomainError {
  return new DomainError('conflict',
    `user ${userId} is the account's only owner: make another user owner first, or close the account (POST /v1/account/closure)`);
}
