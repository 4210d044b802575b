import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { RetentionRunDto } from '../../retention-runs/dto/retention-run.dto';

export class WorkflowCountsDto {
  @ApiProperty({ example: 'enrollmentWorkflow' }) type: string;
  @ApiProperty({ example: { Running: 12, Completed: 40 }, description: 'Status → count, from Temporal visibility' })
  byStatus: Record<string, number>;
}

export class WorkflowRefDto {
  @ApiProperty({ example: 'enrollment:2d9e7f3a-4b5c-4d6e-8f0a-1b2c3d4e5f6a' }) workflowId: string;
  @ApiProperty({ example: '6b1f2c3d-4e5f-4a6b-9c7d-8e9f0a1b2c3d' }) runId: string;
  @ApiProperty({ example: 'enrollmentWorkflow' }) type: string;
  @ApiProperty({ example: 'Failed' }) status: string;
  @ApiProperty({ example: '2026-12-06T09:00:00.000Z', format: 'date-time' }) startTime: string;
  @ApiProperty({ example: '2026-12-06T09:05:00.000Z', type: String, format: 'date-time', nullable: true }) closeTime: string | null;
  @ApiProperty({ example: 'https://temporal.example.com/namespaces/default/workflows/enrollment%3A2d9e7f3a-4b5c-4d6e-8f0a-1b2c3d4e5f6a', type: String, nullable: true, description: "The run's page in the Temporal Web UI; null when TEMPORAL_UI_URL is unset" })
  uiUrl: string | null;
}

export class DailyTrafficDto {
  @ApiProperty({ example: '2026-12-07', description: 'UTC day' }) day: string;
  @ApiProperty({ example: 420 }) sent: number;
  @ApiProperty({ example: 31 }) replies: number;
  @ApiProperty({ example: 12 }) autoReplies: number;
  @ApiProperty({ example: 6 }) bounces: number;
  @ApiProperty({ example: 0 }) complaints: number;
  @ApiProperty({ example: 0.0143, type: Number, nullable: true, description: 'bounces / sent; null on a day nothing was sent' }) bounceRate: number | null;
}

export class StuckMessageDto {
  @ApiProperty({ example: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d' }) messageId: string;
  @ApiProperty({ example: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f' }) accountId: string;
  @ApiProperty({ example: '8a6f4c2e-1b3d-4e5f-a7b9-c0d1e2f3a4b5' }) mailboxId: string;
  @ApiProperty({ example: '2d9e7f3a-4b5c-4d6e-8f0a-1b2c3d4e5f6a' }) enrollmentId: string;
  @ApiProperty({ example: '2026-12-06T22:41:00.000Z', format: 'date-time' }) claimedAt: Date;
}

export class StuckMessagesDto {
  @ApiProperty({ example: 1, description: 'Emails in `unknown`: the send was interrupted and the Sent folder could not tell' }) total: number;
  @ApiProperty({ type: [StuckMessageDto], description: 'The oldest first' }) oldest: StuckMessageDto[];
}

export class FailingMailboxDto {
  @ApiProperty({ example: '8a6f4c2e-1b3d-4e5f-a7b9-c0d1e2f3a4b5' }) mailboxId: string;
  @ApiProperty({ example: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f' }) accountId: string;
  @ApiProperty({ example: 'imap.example.com refused the username or password', description: "The mail server's error, addresses masked" }) syncError: string;
  @ApiProperty({ example: '2026-12-07T06:00:00.000Z', format: 'date-time' }) updatedAt: Date;
}

export class FailingMailboxesDto {
  @ApiProperty({ example: 1 }) total: number;
  @ApiProperty({ type: [FailingMailboxDto] }) mailboxes: FailingMailboxDto[];
}

export class WorkflowsSummaryDto {
  @ApiProperty({ type: [WorkflowCountsDto] }) byType: WorkflowCountsDto[];
  @ApiProperty({ type: [WorkflowRefDto], description: 'Failed or timed out in the last 7 days, newest first' }) failed: WorkflowRefDto[];
  @ApiProperty({ type: [WorkflowRefDto], description: 'Short-lived types running longer than longRunningMinutes' }) longRunning: WorkflowRefDto[];
  @ApiPropertyOptional({ example: 'Temporal did not answer within 5 s', description: 'Why Temporal could not be read, when it could not (the rest of the summary stands)' })
  error?: string;
}

/** What an operator's dashboard shows first. Ids and counts only: no address, no name. */
export class OperationsSummaryDto {
  @ApiProperty({ example: '2026-12-07T12:00:00.000Z', format: 'date-time' }) generatedAt: string;
  @ApiProperty({ type: WorkflowsSummaryDto }) workflows: WorkflowsSummaryDto;
  @ApiProperty({ type: [DailyTrafficDto], description: 'The last 7 UTC days, oldest first, today included' }) traffic: DailyTrafficDto[];
  @ApiProperty({ type: StuckMessagesDto }) unknownMessages: StuckMessagesDto;
  @ApiProperty({ type: [RetentionRunDto], description: 'The last retention runs, newest first' }) retentionRuns: RetentionRunDto[];
  @ApiProperty({ type: FailingMailboxesDto }) failingMailboxes: FailingMailboxesDto;
}
