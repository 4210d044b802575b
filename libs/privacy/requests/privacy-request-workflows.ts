import { Inject, Injectable } from '@nestjs/common';
import { Client, QueryNotRegisteredError, ServiceError, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { DomainError } from '@relance/errors';
import { APP_LOGGER } from '@relance/observability';
import {
  PRIVACY_REQUEST_WORKFLOW, type PrivacyRequestInput, type PrivacyRequestLive, privacyRequestExtendedSignal,
  privacyRequestFieldsSignal, privacyRequestLiveQuery, privacyRequestRejectedSignal, privacyRequestVerifiedSignal,
  privacyRequestWorkflowId, TASK_QUEUES,
} from '@relance/temporal/contracts';

const SIGNALS = {
  verified: privacyRequestVerifiedSignal, extended: privacyRequestExtendedSignal, fields: privacyRequestFieldsSignal,
  rejected: privacyRequestRejectedSignal,
};

/** What the workflow answers about itself, or why nothing could be asked (staff screens show either). */
export type LiveState = { live: PrivacyRequestLive; reason: null } | { live: null; reason: string };

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
    @Inject(APP_LOGGER) private readonly logger: Logger,
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

  /**
   * Asks the workflow what it waits for, within the RPC timeout. Never throws for Temporal's
   * sake: a screen still shows the request when its workflow is gone or Temporal is down.
   */
  async live(requestId: string): Promise<LiveState> {
    try {
      const live = await this.client.connection.withDeadline(Date.now() + this.config.temporal.rpcTimeoutMs,
        () => this.client.workflow.getHandle(privacyRequestWorkflowId(requestId)).query(privacyRequestLiveQuery));
      return { live, reason: null };
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return { live: null, reason: 'its workflow no longer exists (never started, or closed and past retention)' };
      if (error instanceof QueryNotRegisteredError) return { live: null, reason: 'its workflow predates live state' };
      this.logger.warn({ requestId, err: { message: (error as Error).message } }, 'privacy request workflow not queried');
      return { live: null, reason: 'the workflow engine did not answer' };
    }
  }
}
