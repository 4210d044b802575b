import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowHandle, WorkflowNotFoundError } from '@temporalio/client';
import type { Logger } from 'pino';
import { resumeSignal, stopSignal, taskCompletedSignal, type TaskCompletedSignal } from '../../../../libs/temporal/contracts';
import { API_LOGGER } from '../common/logger.module';

/** Tells running enrollment workflows what the database already says about them. */
@Injectable()
export class EnrollmentSignals {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  /**
   * Best effort, never throws: the enrollments are already stopped in the database, and the
   * send claim re-checks that before anything leaves. The signal only ends the workflows
   * now instead of at their next step.
   */
  async stop(workflowIds: readonly string[], reason: string): Promise<void> {
    await Promise.all(workflowIds.map((workflowId) => this.send(workflowId, (handle) => handle.signal(stopSignal, { reason }))));
  }

  /** A resumed enrollment whose send found it paused asks again now. */
  async resume(workflowId: string): Promise<void> {
    await this.send(workflowId, (handle) => handle.signal(resumeSignal));
  }

  /**
   * A task of the enrollment was closed: its task step re-reads it and carries on. Lost, it
   * only delays the sequence until the workflow re-reads the task on its own.
   */
  async taskCompleted(workflowId: string, signal: TaskCompletedSignal): Promise<void> {
    await this.send(workflowId, (handle) => handle.signal(taskCompletedSignal, signal));
  }

  private async send(workflowId: string, signal: (handle: WorkflowHandle) => Promise<void>): Promise<void> {
    try {
      await signal(this.client.workflow.getHandle(workflowId));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return; // it had already ended
      this.logger.warn({ workflowId, err: { message: (error as Error).message } }, 'signal not delivered');
    }
  }
}
