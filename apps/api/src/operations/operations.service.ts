import { Inject, Injectable } from '@nestjs/common';
import { OperationsRepository } from '@relance/db';
import type { DailyTraffic } from '@relance/db/repositories/operations.repository';
import { maskEmailAddresses } from '@relance/observability';
import { RetentionRunRepository } from '@relance/privacy/retention/retention-run.repository';
import { RetentionRunDto } from '../retention-runs/dto/retention-run.dto';
import type { DailyTrafficDto, OperationsSummaryDto, WorkflowsSummaryDto } from './dto/operations-summary.dto';
import { WorkflowOverview } from './workflow-overview';

const TRAFFIC_DAYS = 7;
const FAILED_WINDOW_MS = 7 * 24 * 3_600_000;
const RETENTION_RUNS_SHOWN = 10;

/** Gathers the operators' summary from Temporal's visibility store and PostgreSQL. */
@Injectable()
export class OperationsService {
  constructor(
    @Inject(WorkflowOverview) private readonly workflows: WorkflowOverview,
    @Inject(OperationsRepository) private readonly operations: OperationsRepository,
    @Inject(RetentionRunRepository) private readonly retentionRuns: RetentionRunRepository,
  ) {}

  async summary(options: { limit: number; longRunningMinutes: number }, now = new Date()): Promise<OperationsSummaryDto> {
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
      retentionRuns: (runs?.items ?? []).map((run) => RetentionRunDto.from({ ...run, error: run.error && maskEmailAddresses(run.error) })),
      failingMailboxes: {
        total: failing.total,
        // The server's text may quote the login it refused: the dashboard gets it without addresses.
        mailboxes: failing.mailboxes.map((mailbox) => ({ ...mailbox, syncError: maskEmailAddresses(mailbox.syncError) })),
      },
    };
  }

  /** Temporal down must not blank the whole dashboard: the database half still answers, with the reason. */
  private async workflowSummary(options: { limit: number; longRunningMinutes: number }, now: Date): Promise<WorkflowsSummaryDto> {
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
export function withBounceRate(day: DailyTraffic): DailyTrafficDto {
  return { ...day, bounceRate: day.sent === 0 ? null : Math.round((day.bounces / day.sent) * 1000) / 1000 };
}
