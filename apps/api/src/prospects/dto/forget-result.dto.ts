import { ApiProperty } from '@nestjs/swagger';

export class PurgedWorkflowsDto {
  @ApiProperty({ example: 1, description: 'Sequences of the prospect still running, terminated' }) terminated: number;
  @ApiProperty({ example: 3, description: 'Workflow runs whose history was deleted from Temporal' }) deletedRuns: number;
}

/** What forgetting a prospect did: counts and ids only, never the person's data. */
export class ForgetResultDto {
  @ApiProperty({ example: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', format: 'uuid', description: 'Names this erasure in the audit trail and the erasure ledger' })
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
