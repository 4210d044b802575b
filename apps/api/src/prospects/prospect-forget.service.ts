import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { ErasureService } from '@relance/privacy/erasure/erasure.service';
import { ProspectForget } from '@relance/privacy/erasure/prospect-forget';
import { WorkflowPurge } from '@relance/privacy/erasure/workflow-purge';
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
  private readonly forgetting: ProspectForget;

  constructor(
    @Inject(ProspectsService) private readonly prospects: ProspectsService,
    @Inject(ErasureService) erasure: ErasureService,
    @Inject(WorkflowPurge) purge: WorkflowPurge,
    @Inject(API_LOGGER) logger: Logger,
  ) {
    this.forgetting = new ProspectForget(erasure, purge, logger);
  }

  async forget(accountId: string, apiKeyId: string, prospectId: string): Promise<ForgetResultDto> {
    await this.prospects.get(accountId, prospectId); // 404 unless the account's
    return this.forgetting.forget(accountId, prospectId, { kind: 'api_key', id: apiKeyId });
  }

  /** Support forgets a prospect of any account; the reason goes to the audit trail beside the erasure. */
  async forgetAsStaff(staffUserId: string, prospectId: string, reason: string): Promise<ForgetResultDto> {
    const prospect = await this.prospects.find(prospectId);
    return this.forgetting.forget(prospect.accountId, prospectId, { kind: 'staff', id: staffUserId }, reason);
  }
}
