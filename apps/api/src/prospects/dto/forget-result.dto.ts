import { ApiProperty } from '@nestjs/swagger';

export class PurgedWorkflowsDto {
  @ApiProperty({ description: 'Sequences of the prospect still running, terminated' }) terminated: number;
  @ApiProperty({ description: 'Workflow runs whose history was deleted from Temporal' }) deletedRuns: number;
}

/** What forgetting a prospect did: counts and ids only, never the person's data. */
export class ForgetResultDto {
  @ApiProperty({ format: 'uuid', description: 'Names this erasure in the audit trail and the erasure ledger' })
  requestId: string;

  @ApiProperty({
    description: 'Rows removed per table (the prospect, their enrollments, emails sent and received, opens and clicks, tasks)',
    example: { tracking_events: 2, tasks: 0, inbound_messages: 1, messages: 3, enrollments: 1, prospects: 1 },
    additionalProperties: { type: 'integer' },
  })
  counts: Record<string, number>;

  @ApiProperty({
    type: PurgedWorkflowsDto, nullable: true,
    description: 'The prospect\'s workflows, terminated and deleted; null when Temporal did not answer (the erasure ledger keeps their ids)',
  })
  workflows: PurgedWorkflowsDto | null;
}
