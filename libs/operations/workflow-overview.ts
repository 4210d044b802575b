import { Inject, Injectable } from '@nestjs/common';
import { Client, type WorkflowExecutionInfo } from '@temporalio/client';
import { APP_CONFIG, AppConfig } from '@relance/config';

/** The workflow types of Relance's bundle (workflows/index.ts), as Temporal names them. */
export const WORKFLOW_TYPES = [
  'campaignLaunchWorkflow', 'enrollmentWorkflow', 'mailboxSyncWorkflow', 'campaignControlWorkflow', 'softBounceResendWorkflow',
  'enrollmentControlWorkflow', 'accountExportWorkflow', 'accountClosureWorkflow', 'retentionWorkflow', 'privacyRequestWorkflow',
  'subprocessorNoticeWorkflow', 'importWorkflow', 'enrichmentWorkflow', 'webhookDeliveryWorkflow',
] as const;

/**
 * Types that live for days or months by design (they wait on timers and signals): a long run
 * of theirs is normal, so they are left out of the long-running list.
 */
export const LONG_LIVED_TYPES: readonly string[] = [
  'enrollmentWorkflow', 'mailboxSyncWorkflow', 'softBounceResendWorkflow', 'accountClosureWorkflow', 'privacyRequestWorkflow',
];

export interface WorkflowRef {
  workflowId: string;
  runId: string;
  type: string;
  status: string;
  startTime: string;
  closeTime: string | null;
  /** The run's page in the Temporal Web UI; null when no UI is configured (TEMPORAL_UI_URL). */
  uiUrl: string | null;
}

export interface WorkflowCounts {
  type: string;
  /** Status name (Running, Completed, Failed, …) → count. */
  byStatus: Record<string, number>;
}

/** Reads Temporal's visibility store for the operators' summary: counts by type and status, failed and long runs. */
@Injectable()
export class WorkflowOverview {
  constructor(
    @Inject(Client) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** One count per type, grouped by status by the server (visibility supports GROUP BY ExecutionStatus only). */
  async countsByType(): Promise<WorkflowCounts[]> {
    return Promise.all(WORKFLOW_TYPES.map(async (type) => {
      const answer = await this.client.workflow.count(`WorkflowType = '${type}' GROUP BY ExecutionStatus`);
      const byStatus: Record<string, number> = {};
      for (const group of answer.groups) byStatus[String(group.groupValues[0])] = group.count;
      return { type, byStatus };
    }));
  }

  /** Runs that failed or timed out since `since`, newest first. */
  failedSince(since: Date, limit: number): Promise<WorkflowRef[]> {
    return this.list(`ExecutionStatus IN ('Failed', 'TimedOut') AND CloseTime > '${since.toISOString()}'`, limit);
  }

  /** Runs of short-lived types still running since before `startedBefore`, oldest first. */
  runningSince(startedBefore: Date, limit: number): Promise<WorkflowRef[]> {
    const types = WORKFLOW_TYPES.filter((type) => !LONG_LIVED_TYPES.includes(type)).map((type) => `'${type}'`).join(', ');
    return this.list(`ExecutionStatus = 'Running' AND WorkflowType IN (${types}) AND StartTime < '${startedBefore.toISOString()}'`, limit);
  }

  private async list(query: string, limit: number): Promise<WorkflowRef[]> {
    const found: WorkflowRef[] = [];
    for await (const execution of this.client.workflow.list({ query, pageSize: limit })) {
      found.push(this.ref(execution));
      if (found.length >= limit) break;
    }
    return found;
  }

  private ref(execution: WorkflowExecutionInfo): WorkflowRef {
    return {
      workflowId: execution.workflowId,
      runId: execution.runId,
      type: execution.type,
      status: visibilityStatusName(execution.status.name),
      startTime: execution.startTime.toISOString(),
      closeTime: execution.closeTime?.toISOString() ?? null,
      uiUrl: temporalUiLink(this.config.temporal.uiUrl, this.config.temporal.namespace, execution.workflowId, execution.runId),
    };
  }
}

/** The Temporal Web UI's page of one run: /namespaces/<ns>/workflows/<id>/<run>/history. */
export function temporalUiLink(uiUrl: string | undefined, namespace: string, workflowId: string, runId: string): string | null {
  if (!uiUrl) return null;
  const base = uiUrl.replace(/\/+$/, '');
  return `${base}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}/${encodeURIComponent(runId)}/history`;
}

/**
 * The SDK names statuses TIMED_OUT, CONTINUED_AS_NEW; visibility queries and counts name them
 * TimedOut, ContinuedAsNew. The summary speaks the latter throughout, so a count and a list agree.
 */
export function visibilityStatusName(sdkName: string): string {
  return sdkName.toLowerCase().split('_').map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}
