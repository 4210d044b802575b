import { Inject, Injectable } from '@nestjs/common';
import { OperationsRepository } from '@relance/db';
import type { DailyTraffic } from '@relance/db/repositories/operations.repository';
import { maskEmailAddresses } from '@relance/observability';
import { RetentionRunRepository } from '@relance/privacy/retention/retention-run.repository';
import type { RetentionRun } from '@relance/db/entities/retention-run.entity';
import { type WorkflowCounts, WorkflowOverview, type WorkflowRef } from './workflow-overview';

const TRAFFIC_DAYS = 7;
const FAILED_WINDOW_MS = 7 * 24 * 3_600_000;
const RETENTION_RUNS_SHOWN = 10;

export interface WorkflowsSummary {
  byType: WorkflowCounts[];
  /** Failed or timed out in the last 7 days, newest first. */
  failed: WorkflowRef[];
  /** Short-lived types running longer than asked. */
  longRunning: WorkflowRef[];
  /** Why Temporal could not be read, when it could not (the rest of the summary stands). */
  error?: string;
}

export type DailyTrafficWithRate = DailyTraffic & { bounceRate: number | null };

/** What an operator's dashboard shows first (the API's GET /v1/staff/operations, the console's page). Ids and counts only. */
export interface OperationsSummary {
  generatedAt: string;
  workflows: WorkflowsSummary;
  /** The last 7 UTC days, oldest first, today included. */
  traffic: DailyTrafficWithRate[];
  unknownMessages: Awaited<ReturnType<OperationsRepository['stuckMessages']>>;
  retentionRuns: Pick<RetentionRun, 'id' | 'job' | 'startedAt' | 'finishedAt' | 'durationMs' | 'counts' | 'error'>[];
  failingMailboxes: Awaited<ReturnType<OperationsRepository['failingMailboxes']>>;
}

/** Gathers the operators' summary from Temporal's visibility store and PostgreSQL. */
@Injectable()
export class OperationsService {
  constructor(
    @Inject(WorkflowOverview) private readonly workflows: WorkflowOverview,
    @Inject(OperationsRepository) private readonly operations: OperationsRepository,
    @Inject(RetentionRunRepository) private readonly retentionRuns: RetentionRunRepository,
  ) {}

  async summary(options: { limit: number; longRunningMinutes: number }, now = new Date()): Promise<OperationsSummary> {
    const [workflows, traffic, unknownMessages, runs, failing] = await Promise.all([
      this.workflowSummary(options, now),
      this.operations.dailyTraffic(TRAFFIC_DAYS, now),
      this.operations.stuckMessages(options.limit),
      this.retentionRuns.list({}, { limit: RETENTION_RUNS_SHOWN }),
      this.operations.failingMailboxes(options.limit),
    ]);
    return {
      generatedAt: now.toISOString(),
      workflows,
      traffic: traffic.map(withBounceRate),
      unknownMessages,
      retentionRuns: (runs?.items ?? []).map((run) => ({
        id: run.id, job: run.job, startedAt: run.startedAt, finishedAt: run.finishedAt, durationMs: run.durationMs,
        counts: run.counts, error: run.error && maskEmailAddresses(run.error),
      })),
      failingMailboxes: {
        total: failing.total,
        // The server's text may quote the login it refused: the dashboard gets it without addresses.
        mailboxes: failing.mailboxes.map((mailbox) => ({ ...mailbox, syncError: maskEmailAddresses(mailbox.syncError) })),
      },
    };
  }

  /** Temporal down must not blank the whole dashboard: the database half still answers, with the reason. */
  private async workflowSummary(options: { limit: number; longRunningMinutes: number }, now: Date): Promise<WorkflowsSummary> {
    try {
      const [byType, failed, longRunning] = await Promise.all([
        this.workflows.countsByType(),
        this.workflows.failedSince(new Date(now.getTime() - FAILED_WINDOW_MS), options.limit),
        this.workflows.runningSince(new Date(now.getTime() - options.longRunningMinutes * 60_000), options.limit),
      ]);
      return { byType, failed, longRunning };
    } catch (error) {
      return { byType: [], failed: [], longRunning: [], error: `Temporal visibility could not be read: ${(error as Error).message}` };
    }
  }
}

/** bounces / sent, to three decimals; null when nothing was sent that day. */
export function withBounceRate(day: DailyTraffic): DailyTrafficWithRate {
  return { ...day, bounceRate: day.sent === 0 ? null : Math.round((day.bounces / day.sent) * 1000) / 1000 };
}
