import { Inject, Injectable } from '@nestjs/common';
import {
  Client, ServiceError, WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowStartOptions,
} from '@temporalio/client';
import type { Logger } from 'pino';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { DomainError } from '@relance/errors';
import {
  ACCOUNT_CLOSURE_WORKFLOW,
  ACCOUNT_EXPORT_WORKFLOW,
  accountClosureWorkflowId,
  accountExportWorkflowId,
  CAMPAIGN_CONTROL_WORKFLOW,
  ENRICHMENT_WORKFLOW,
  EnrichmentInput,
  enrichmentWorkflowId,
  closureCancelledSignal,
  CAMPAIGN_LAUNCH_WORKFLOW,
  campaignControlWorkflowId,
  CampaignControlInput,
  CampaignSignal,
  campaignLaunchWorkflowId,
  CampaignLaunchInput,
  ENROLLMENT_CONTROL_WORKFLOW,
  IMPORT_WORKFLOW,
  importWorkflowId,
  ImportInput,
  ENROLLMENT_WORKFLOW,
  enrollmentWorkflowId,
  EnrollmentInput,
  enrollmentControlWorkflowId,
  EnrollmentControlInput,
  EnrollmentSignal,
  MAILBOX_SYNC_WORKFLOW,
  mailboxEnabledWorkflowId,
  mailboxSyncWorkflowId,
  MailboxSyncInput,
  SUBPROCESSOR_NOTICE_WORKFLOW,
  subprocessorNoticeStart,
  TASK_QUEUES,
} from '@relance/temporal/contracts';
import { API_LOGGER } from '../common/logger.module';

/**
 * The API's only calls into Temporal. Workflow ids are deterministic and a running workflow
 * is reused, so calling these again (a retried request, a second launch) starts nothing twice.
 */
@Injectable()
export class WorkflowStarter {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(Client) private readonly client: Client,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  /** Starts the mailbox's IMAP sync unless it already runs. */
  ensureMailboxSync(mailboxId: string): Promise<string> {
    const input: MailboxSyncInput = { mailboxId };
    return this.start(MAILBOX_SYNC_WORKFLOW, {
      workflowId: mailboxSyncWorkflowId(mailboxId),
      taskQueue: TASK_QUEUES.mailSync,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  }

  /**
   * Starts the campaign's launch. Once a launch has finished a new one may run (to enroll
   * prospects added since); while one runs, another is refused rather than silently merged,
   * as its prospect list would otherwise be ignored.
   */
  async startCampaignLaunch(campaignId: string, choice: { prospectIds?: string[]; filterId?: string } = {}): Promise<string> {
    const input: CampaignLaunchInput = {
      campaignId,
      ...(choice.prospectIds ? { prospectIds: choice.prospectIds } : {}),
      ...(choice.filterId ? { filterId: choice.filterId } : {}),
    };
    try {
      return await this.start(CAMPAIGN_LAUNCH_WORKFLOW, {
        workflowId: campaignLaunchWorkflowId(campaignId),
        taskQueue: TASK_QUEUES.sequences,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      throw new DomainError('conflict', 'a launch of this campaign is still running: try again once it has finished');
    }
  }

  /**
   * Wakes every running enrollment of a campaign (resume) or ends them (stop). The latest
   * action wins: a control still running for an earlier one is replaced.
   */
  startCampaignControl(campaignId: string, signal: CampaignSignal): Promise<string> {
    const input: CampaignControlInput = { campaignId, signal };
    return this.start(CAMPAIGN_CONTROL_WORKFLOW, {
      workflowId: campaignControlWorkflowId(campaignId),
      taskQueue: TASK_QUEUES.sequences,
      args: [input],
      workflowIdConflictPolicy: 'TERMINATE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
  }

  /** Starts an import's workflow; a repeated start (a retried request) finds it running and starts nothing. */
  async startImport(importJobId: string): Promise<void> {
    const input: ImportInput = { importJobId, heartbeatTimeoutMs: this.config.imports.heartbeatTimeoutMs };
    await this.start(IMPORT_WORKFLOW, {
      workflowId: importWorkflowId(importJobId),
      taskQueue: TASK_QUEUES.imports,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
  }

  /**
   * Starts one enrollment's sequence (an enrollment made outside a launch: an accepted suggestion).
   * Its id is never reused, so a start repeated after a crash or a retry starts nothing twice.
   */
  async startEnrollment(enrollmentId: string): Promise<void> {
    const input: EnrollmentInput = { enrollmentId };
    try {
      await this.start(ENROLLMENT_WORKFLOW, {
        workflowId: enrollmentWorkflowId(enrollmentId),
        taskQueue: TASK_QUEUES.sequences,
        args: [input],
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /** Tells one enrollment's workflow of its resume or stop, retrying until it is delivered. The latest action wins. */
  startEnrollmentControl(enrollmentId: string, signal: EnrollmentSignal): Promise<string> {
    const input: EnrollmentControlInput = { enrollmentId, signal };
    return this.start(ENROLLMENT_CONTROL_WORKFLOW, {
      workflowId: enrollmentControlWorkflowId(enrollmentId),
      taskQueue: TASK_QUEUES.sequences,
      args: [input],
      workflowIdConflictPolicy: 'TERMINATE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
  }

  /**
   * Wakes the campaign's enrollments once `mailboxId` is enabled again: those the claim held
   * while it was disabled ask again. The campaign control workflow under an id of its own, so it
   * neither replaces nor is replaced by the campaign's own pause, stop or plan change.
   */
  wakeAfterMailboxEnabled(mailboxId: string, campaignId: string): Promise<string> {
    const input: CampaignControlInput = { campaignId, signal: 'resume' };
    return this.start(CAMPAIGN_CONTROL_WORKFLOW, {
      workflowId: mailboxEnabledWorkflowId(mailboxId, campaignId),
      taskQueue: TASK_QUEUES.sequences,
      args: [input],
      workflowIdConflictPolicy: 'TERMINATE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
  }

  /** Writes an account export's archive (its id is new each time). */
  startAccountExport(exportId: string): Promise<string> {
    return this.start(ACCOUNT_EXPORT_WORKFLOW, {
      workflowId: accountExportWorkflowId(exportId),
      taskQueue: TASK_QUEUES.privacy,
      args: [{ exportId }],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  }

  /**
   * Starts an account's closure. A closure cancelled earlier may still be ending its run: the
   * database already says it was cancelled, so the new request replaces it.
   */
  startAccountClosure(accountId: string): Promise<string> {
    return this.start(ACCOUNT_CLOSURE_WORKFLOW, {
      workflowId: accountClosureWorkflowId(accountId),
      taskQueue: TASK_QUEUES.privacy,
      args: [{ accountId }],
      workflowIdConflictPolicy: 'TERMINATE_EXISTING',
      workflowIdReusePolicy: 'ALLOW_DUPLICATE',
    });
  }

  /** Mails a registry change to the subscribed owners (the change's id is new: never started twice). */
  startSubprocessorNotice(changeId: string): Promise<string> {
    return this.start(SUBPROCESSOR_NOTICE_WORKFLOW, subprocessorNoticeStart(changeId));
  }

  /** Starts the verification or enrichment of one job's prospects (a new job each time: one workflow each). */
  startEnrichment(jobId: string): Promise<string> {
    const input: EnrichmentInput = { jobId };
    return this.start(ENRICHMENT_WORKFLOW, {
      workflowId: enrichmentWorkflowId(jobId),
      taskQueue: TASK_QUEUES.enrichment,
      args: [input],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
  }

  /** Wakes a closure's workflow after a reactivation, so it ends now rather than at its purge time (which would find it cancelled). */
  async signalClosureCancelled(accountId: string): Promise<void> {
    try {
      await this.client.workflow.getHandle(accountClosureWorkflowId(accountId)).signal(closureCancelledSignal);
    } catch (error) {
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }

  /**
   * Temporal being unreachable is a 503 the client may retry, not a 500, and it comes within
   * the configured deadline: controls start workflows while holding a row lock.
   */
  private async start(workflowType: string, options: WorkflowStartOptions): Promise<string> {
    const deadline = Date.now() + this.config.temporal.rpcTimeoutMs;
    try {
      return await this.client.connection.withDeadline(deadline, async () =>
        (await this.client.workflow.start(workflowType, options)).workflowId);
    } catch (error) {
      if (!isUnreachable(error)) throw error;
      this.logger.error({ workflowId: options.workflowId, err: { message: (error as Error).message } }, 'workflow start failed');
      throw new DomainError('unavailable', 'the workflow engine did not answer: nothing was changed, retry later');
    }
  }
}

/** A refusal or silence of the server (unreachable, past the deadline), not a bug of ours. */
function isUnreachable(error: unknown): boolean {
  if (error instanceof ServiceError) return true;
  // grpc-js errors carry a numeric status code (14 UNAVAILABLE, 4 DEADLINE_EXCEEDED).
  const code = (error as { code?: unknown })?.code;
  return code === 14 || code === 4;
}
