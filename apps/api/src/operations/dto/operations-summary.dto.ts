import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RetentionRunDto } from '../../retention-runs/dto/retention-run.dto';

export class WorkflowCountsDto {
  @ApiProperty({ example: 'enrollmentWorkflow' }) type: string;
  @ApiProperty({ example: { Running: 12, Completed: 40 }, description: 'Status → count, from Temporal visibility' })
  byStatus: Record<string, number>;
}

export class WorkflowRefDto {
  @ApiProperty() workflowId: string;
  @ApiProperty() runId: string;
  @ApiProperty() type: string;
  @ApiProperty({ example: 'Failed' }) status: string;
  @ApiProperty({ format: 'date-time' }) startTime: string;
  @ApiProperty({ format: 'date-time', nullable: true }) closeTime: string | null;
  @ApiProperty({ nullable: true, description: "The run's page in the Temporal Web UI; null when TEMPORAL_UI_URL is unset" })
  uiUrl: string | null;
}

export class DailyTrafficDto {
  @ApiProperty({ example: '2026-12-07', description: 'UTC day' }) day: string;
  @ApiProperty() sent: number;
  @ApiProperty() replies: number;
  @ApiProperty() autoReplies: number;
  @ApiProperty() bounces: number;
  @ApiProperty() complaints: number;
  @ApiProperty({ nullable: true, description: 'bounces / sent; null on a day nothing was sent' }) bounceRate: number | null;
}

export class StuckMessageDto {
  @ApiProperty() messageId: string;
  @ApiProperty() accountId: string;
  @ApiProperty() mailboxId: string;
  @ApiProperty() enrollmentId: string;
  @ApiProperty({ format: 'date-time' }) claimedAt: Date;
}

export class StuckMessagesDto {
  @ApiProperty({ description: 'Emails in `unknown`: the send was interrupted and the Sent folder could not tell' }) total: number;
  @ApiProperty({ type: [StuckMessageDto], description: 'The oldest first' }) oldest: StuckMessageDto[];
}

export class FailingMailboxDto {
  @ApiProperty() mailboxId: string;
  @ApiProperty() accountId: string;
  @ApiProperty({ description: "The mail server's error, addresses masked" }) syncError: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: Date;
}

export class FailingMailboxesDto {
  @ApiProperty() total: number;
  @ApiProperty({ type: [FailingMailboxDto] }) mailboxes: FailingMailboxDto[];
}

export class WorkflowsSummaryDto {
  @ApiProperty({ type: [WorkflowCountsDto] }) byType: WorkflowCountsDto[];
  @ApiProperty({ type: [WorkflowRefDto], description: 'Failed or timed out in the last 7 days, newest first' }) failed: WorkflowRefDto[];
  @ApiProperty({ type: [WorkflowRefDto], description: 'Short-lived types running longer than longRunningMinutes' }) longRunning: WorkflowRefDto[];
  @ApiPropertyOptional({ description: 'Why Temporal could not be read, when it could not (the rest of the summary stands)' })
  error?: string;
}

/** What an operator's dashboard shows first. Ids and counts only: no address, no name. */
export class OperationsSummaryDto {
  @ApiProperty({ format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: WorkflowsSummaryDto }) workflows: WorkflowsSummaryDto;
  @ApiProperty({ type: [DailyTrafficDto], description: 'The last 7 UTC days, oldest first, today included' }) traffic: DailyTrafficDto[];
  @ApiProperty({ type: StuckMessagesDto }) unknownMessages: StuckMessagesDto;
  @ApiProperty({ type: [RetentionRunDto], description: 'The last retention runs, newest first' }) retentionRuns: RetentionRunDto[];
  @ApiProperty({ type: FailingMailboxesDto }) failingMailboxes: FailingMailboxesDto;
}
