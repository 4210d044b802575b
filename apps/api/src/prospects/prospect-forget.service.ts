import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { type ErasureActor, ErasureService } from '@relance/privacy/erasure/erasure.service';
import { type PurgedWorkflows, WorkflowPurge } from '@relance/privacy/erasure/workflow-purge';
import { API_LOGGER } from '../common/logger.module';
import type { ForgetResultDto } from './dto/forget-result.dto';
import { ProspectsService } from './prospects.service';

/**
 * "Forget this prospect": the blacklist the privacy policy promises customers. One call erases
 * the prospect everywhere (rows, sequences, sent and received mail), keeps their keyed hash on
 * the suppression list so they are never mailed or added again, and deletes their workflows.
 */
@Injectable()
export class ProspectForgetService {
  constructor(
    @Inject(ProspectsService) private readonly prospects: ProspectsService,
    @Inject(ErasureService) private readonly erasure: ErasureService,
    @Inject(WorkflowPurge) private readonly purge: WorkflowPurge,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  async forget(accountId: string, apiKeyId: string, prospectId: string): Promise<ForgetResultDto> {
    await this.prospects.get(accountId, prospectId); // 404 unless the account's
    return this.erase(accountId, prospectId, { kind: 'api_key', id: apiKeyId });
  }

  /** Support forgets a prospect of any account; the reason goes to the audit trail beside the erasure. */
  async forgetAsStaff(staffUserId: string, prospectId: string, reason: string): Promise<ForgetResultDto> {
    const prospect = await this.prospects.find(prospectId);
    return this.erase(prospect.accountId, prospectId, { kind: 'staff', id: staffUserId }, reason);
  }

  private async erase(accountId: string, prospectId: string, actor: ErasureActor, reason?: string): Promise<ForgetResultDto> {
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
