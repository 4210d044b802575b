import { Inject, Injectable } from '@nestjs/common';
import { Client, WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { EnrollmentRepository, LaunchFilterRepository } from '@relance/db';
import {
  ENROLLMENT_WORKFLOW, enrollmentWorkflowId, EnrollmentInput, LaunchActivities, LaunchBatchResult, TASK_QUEUES,
} from '@relance/temporal/contracts';

/** Workflow starts in flight at once: enough to hide latency, few enough to spare the server. */
const START_CONCURRENCY = 32;

/**
 * Enrolls a campaign's prospects one batch at a time and starts an enrollment workflow for
 * each. Both steps are idempotent (unique enrollment per prospect, deterministic workflow
 * id that is never reused), so a retried or repeated launch enrolls and starts nobody twice.
 */
@Injectable()
export class CampaignLauncher {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(EnrollmentRepository) private readonly enrollments: EnrollmentRepository,
    @Inject(LaunchFilterRepository) private readonly launchFilters: LaunchFilterRepository,
    @Inject(Client) private readonly temporal: Client,
  ) {}

  async enrollBatch(input: Parameters<LaunchActivities['enrollBatch']>[0]): Promise<LaunchBatchResult> {
    const { filterId, ...choice } = input;
    const accountId = await this.enrollments.findCampaignAccountId(input.campaignId);
    if (!accountId) return { enrolled: 0, started: 0 };
    const filter = filterId ? await this.launchFilters.find(filterId) : undefined;
    // Its campaign was deleted (the filter goes with it): nobody left to enroll.
    if (filter === null) return { enrolled: 0, started: 0 };
    const { enrolled, batch, lastProspectId } = await this.enrollments.enrollNextBatch({
      ...choice,
      filter,
      accountId,
      limit: this.config.sequencing.launchBatchSize,
    });
    let started = 0;
    for (let i = 0; i < batch.length; i += START_CONCURRENCY) {
      const slice = batch.slice(i, i + START_CONCURRENCY);
      const results = await Promise.all(slice.map(({ enrollmentId }) => this.startEnrollment(enrollmentId)));
      started += results.filter(Boolean).length;
    }
    return { enrolled, started, lastProspectId };
  }

  markLaunched(campaignId: string): Promise<void> {
    return this.enrollments.markCampaignLaunched(campaignId);
  }

  private async startEnrollment(enrollmentId: string): Promise<boolean> {
    const input: EnrollmentInput = { enrollmentId };
    try {
      await this.temporal.workflow.start(ENROLLMENT_WORKFLOW, {
        workflowId: enrollmentWorkflowId(enrollmentId),
        taskQueue: TASK_QUEUES.sequences,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
      return true;
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
      throw error;
    }
  }
}
