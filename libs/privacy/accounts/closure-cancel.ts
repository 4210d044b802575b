import type { AccountClosure } from '@relance/db/entities/account-closure.entity';
import type { AuditEntry } from '@relance/db/repositories/audit.repository';
import { DomainError } from '@relance/errors';
import type { AuditTrail } from '../audit-trail';
import type { AccountClosureRepository } from './account-closure.repository';

/** A closure as the customer (and staff) read it. */
export interface ClosureView {
  status: AccountClosure['status'];
  requestedAt: Date;
  purgeAfter: Date;
  cancelledAt: Date | null;
  purgedAt: Date | null;
}

export function closureView(closure: AccountClosure): ClosureView {
  return {
    status: closure.status, requestedAt: closure.requestedAt, purgeAfter: closure.purgeAfter,
    cancelledAt: closure.cancelledAt, purgedAt: closure.purgedAt,
  };
}

/** What a reactivation tells Temporal (the API's WorkflowStarter; the console's own client). */
export interface ClosureCancelWorkflows {
  signalClosureCancelled(accountId: string): Promise<void>;
  startCampaignControl(campaignId: string, signal: 'resume'): Promise<unknown>;
}

/**
 * A reactivation, whoever asks (the owner's key, or support on the owner's word): the closure
 * is cancelled with its audit entry in one transaction, then its workflow is told and the
 * campaigns the closure paused carry on.
 */
export class ClosureCancel {
  constructor(
    private readonly closures: AccountClosureRepository,
    private readonly audit: AuditTrail,
    private readonly workflows: ClosureCancelWorkflows,
  ) {}

  async cancel(accountId: string, actor: AuditEntry['actor'], reason: string | null): Promise<ClosureView> {
    const outcome = await this.closures.cancel(accountId, async (manager) => {
      await this.audit.record({
        actor, action: 'account.closure_cancelled', accountId, reason, target: { type: 'account', id: accountId },
      }, manager);
    });
    if (outcome.kind === 'refused') {
      throw new DomainError('conflict', outcome.status === 'none' || outcome.status === 'cancelled'
        ? 'the account is not closing: there is nothing to cancel'
        : 'the account has been purged already');
    }
    await this.workflows.signalClosureCancelled(accountId);
    for (const campaignId of outcome.resumedCampaignIds) await this.workflows.startCampaignControl(campaignId, 'resume');
    const closure = await this.closures.find(accountId);
    return closureView(closure!);
  }
}
