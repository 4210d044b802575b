import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { DomainError } from '@relance/errors';
import type { AuditEntry } from '@relance/db/repositories/audit.repository';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { AccountClosureRepository } from '@relance/privacy/accounts/account-closure.repository';
import { AccountExportService, type AccountExportView } from '@relance/privacy/accounts/account-export.service';
import { ClosureCancel, type ClosureView, closureView } from '@relance/privacy/accounts/closure-cancel';

export { closureView, type ClosureView };
import { WorkflowStarter } from '../workflows/workflow-starter.service';

/** Who calls: the account, its API key, and the rep the key belongs to. */
export interface AccountCaller {
  accountId: string;
  apiKeyId: string;
  userId: string | null;
}

/**
 * The customer's side of the account's lifecycle: exports of all its data, its closure and the
 * reactivation that cancels it. Every step is in the audit trail.
 */
@Injectable()
export class AccountLifecycleService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AccountExportService) private readonly exports: AccountExportService,
    @Inject(AccountClosureRepository) private readonly closures: AccountClosureRepository,
    @Inject(WorkflowStarter) private readonly workflows: WorkflowStarter,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async requestExport(caller: AccountCaller): Promise<AccountExportView> {
    const created = await this.exports.request(caller.accountId, caller.apiKeyId);
    await this.workflows.startAccountExport(created.id);
    return this.exports.view(caller.accountId, created.id);
  }

  exportStatus(caller: AccountCaller, id: string): Promise<AccountExportView> {
    return this.exports.view(caller.accountId, id);
  }

  /** Stops all sending at once (in the transaction that starts the closure's workflow), then the grace period. */
  async requestClosure(caller: AccountCaller): Promise<ClosureView> {
    await this.mustBeOwner(caller, 'close');
    const outcome = await this.closures.request(caller.accountId, this.config.accounts.closureGraceMs, async (manager, purgeAfter) => {
      await this.audit.record({
        actor: { kind: 'api_key', id: caller.apiKeyId }, action: 'account.closure_requested', accountId: caller.accountId,
        target: { type: 'account', id: caller.accountId }, details: { purgeAfter: purgeAfter.toISOString() },
      }, manager);
      await this.workflows.startAccountClosure(caller.accountId);
    });
    if (outcome.kind === 'already_pending') {
      throw new DomainError('conflict', `the account is already closing: it will be purged at ${outcome.purgeAfter.toISOString()} unless reactivated`);
    }
    return this.closureStatus(caller);
  }

  /** A reactivation: everything is kept, the campaigns the closure paused carry on. */
  async cancelClosure(caller: AccountCaller): Promise<ClosureView> {
    await this.mustBeOwner(caller, 'reactivate');
    return this.cancel(caller.accountId, { kind: 'api_key', id: caller.apiKeyId }, null);
  }

  /** Support reactivates an account on its owner's word (mail, phone): the same cancel, the staff member and reason audited. */
  cancelClosureAsStaff(staffUserId: string, accountId: string, reason: string): Promise<ClosureView> {
    return this.cancel(accountId, { kind: 'staff', id: staffUserId }, reason);
  }

  private cancel(accountId: string, actor: AuditEntry['actor'], reason: string | null): Promise<ClosureView> {
    return new ClosureCancel(this.closures, this.audit, this.workflows).cancel(accountId, actor, reason);
  }

  async closureStatus(caller: Pick<AccountCaller, 'accountId'>): Promise<ClosureView> {
    const closure = await this.closures.find(caller.accountId);
    if (!closure) throw new DomainError('not_found', 'the account has never been closed');
    return closureView(closure);
  }

  private async mustBeOwner(caller: AccountCaller, what: string): Promise<void> {
    if (!(await this.closures.isOwner(caller.accountId, caller.userId))) {
      throw new DomainError('forbidden', `only the account's owner may ${what} it: use an API key of the owner`);
    }
  }
}
