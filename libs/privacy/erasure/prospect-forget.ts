import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { ErasureActor, ErasureService } from './erasure.service';
import type { PurgedWorkflows, WorkflowPurge } from './workflow-purge';

export interface ForgetOutcome {
  requestId: string;
  counts: Record<string, number>;
  /** Null when Temporal did not answer: the erasure is committed all the same. */
  workflows: PurgedWorkflows | null;
}

/**
 * "Forget this prospect", whoever asks (the customer's key, support in the API or the console):
 * the prospect erased everywhere and blacklisted by its keyed hash, then its workflows deleted.
 */
export class ProspectForget {
  constructor(
    private readonly erasure: ErasureService,
    private readonly purge: WorkflowPurge,
    private readonly logger: Logger,
  ) {}

  async forget(accountId: string, prospectId: string, actor: ErasureActor, reason?: string): Promise<ForgetOutcome> {
    const requestId = randomUUID();
    const report = await this.erasure.eraseSubject({ kind: 'prospect', accountId, prospectId }, requestId, actor, reason);
    return { requestId, counts: report.counts, workflows: await this.purgeWorkflows(requestId, report.workflowIds) };
  }

  /** The database erasure is committed: Temporal being down is logged (ids only), not a failed request. */
  private async purgeWorkflows(requestId: string, workflowIds: string[]): Promise<PurgedWorkflows | null> {
    try {
      return await this.purge.purge(workflowIds);
    } catch (error) {
      this.logger.error({ requestId, workflows: workflowIds.length, err: { message: (error as Error).message } },
        'erased prospect: workflows not purged');
      return null;
    }
  }
}
