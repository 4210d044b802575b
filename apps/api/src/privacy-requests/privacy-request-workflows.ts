import { Inject, Injectable } from '@nestjs/common';
import { Client, ServiceError, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { DomainError } from '@relance/errors';
import {
  PRIVACY_REQUEST_WORKFLOW, type PrivacyRequestInput, privacyRequestExtendedSignal, privacyRequestFieldsSignal,
  privacyRequestVerifiedSignal, privacyRequestWorkflowId, TASK_QUEUES,
} from '@relance/temporal/contracts';
import { API_LOGGER } from '../common/logger.module';

const SIGNALS = { verified: privacyRequestVerifiedSignal, extended: privacyRequestExtendedSignal, fields: privacyRequestFieldsSignal };

/**
 * Starts a request's workflow and wakes it after its row changed. The row is written first, so a
 * signal that is lost (Temporal down) delays the workflow until it reads the row again, never
 * loses what staff or the subject did.
 */
@Injectable()
export class PrivacyRequestWorkflows {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Client) private readonly client: Client,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  async start(requestId: string): Promise<void> {
    const input: PrivacyRequestInput = { requestId };
    try {
      await this.client.connection.withDeadline(Date.now() + this.config.temporal.rpcTimeoutMs, () => this.client.workflow.start(PRIVACY_REQUEST_WORKFLOW, {
        workflowId: privacyRequestWorkflowId(requestId),
        taskQueue: TASK_QUEUES.sequences,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
      }));
    } catch (error) {
      if (!(error instanceof ServiceError)) throw error;
      this.logger.error({ requestId, err: { message: error.message } }, 'privacy request workflow not started');
      throw new DomainError('unavailable', 'the workflow engine did not answer: retry later');
    }
  }

  async wake(requestId: string, signal: keyof typeof SIGNALS): Promise<void> {
    try {
      await this.client.workflow.getHandle(privacyRequestWorkflowId(requestId)).signal(SIGNALS[signal]);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError) && !(error instanceof ServiceError)) throw error;
      this.logger.warn({ requestId, signal, err: { message: (error as Error).message } }, 'privacy request workflow not signalled');
    }
  }
}
