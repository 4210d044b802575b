import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowHandle, WorkflowNotFoundError } from '@temporalio/client';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { stopSignal, taskCompletedSignal, type TaskCompletedSignal } from '@relance/temporal/contracts';
import { API_LOGGER } from '../common/logger.module';

/** Pauses between tries of a signal Temporal did not take: about 3 s in all, within one request. */
const RETRY_DELAYS_MS = [200, 800, 2_000];

/**
 * Tells running enrollment workflows what the database already says about them, after an
 * unsubscribe, a suppression or a task closed. Never throws: the change is committed, and each
 * of these is safe without its signal (the send claim refuses a stopped enrollment; a task wait
 * re-reads its task). The signal ends or wakes the workflow now instead of later; one Temporal
 * does not take is tried again a few times, then logged.
 */
@Injectable()
export class EnrollmentSignals {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  async stop(workflowIds: readonly string[], reason: string): Promise<void> {
    await Promise.all(workflowIds.map((workflowId) => this.send(workflowId, (handle) => handle.signal(stopSignal, { reason }))));
  }

  /** A task of the enrollment was closed: its task step re-reads it and carries on. */
  async taskCompleted(workflowId: string, signal: TaskCompletedSignal): Promise<void> {
    await this.send(workflowId, (handle) => handle.signal(taskCompletedSignal, signal));
  }

  private async send(workflowId: string, signal: (handle: WorkflowHandle) => Promise<void>): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await signal(this.client.workflow.getHandle(workflowId));
        return;
      } catch (error) {
        if (error instanceof WorkflowNotFoundError) return; // it had already ended
        if (attempt === RETRY_DELAYS_MS.length) {
          this.logger.error({ workflowId, attempts: attempt + 1, err: { message: (error as Error).message } }, 'signal not delivered');
          return;
        }
        await sleep(RETRY_DELAYS_MS[attempt]);
      }
    }
  }
}
