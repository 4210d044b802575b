import { ApiProperty } from '@nestjs/swagger';
import type { RetentionRun } from '@relance/db/entities/retention-run.entity';
import { RETENTION_JOBS } from '@relance/temporal/contracts';

/** One run of a retention job: what it removed (counts), how long it took, or why it failed. */
export class RetentionRunDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: RETENTION_JOBS }) job: string;
  @ApiProperty({ type: String, format: 'date-time' }) startedAt: Date;
  @ApiProperty({ type: String, format: 'date-time' }) finishedAt: Date;
  @ApiProperty() durationMs: number;
  @ApiProperty({ type: Object, example: { requestLogsArchived: 1200, archiveFilesWritten: 3 } }) counts: Record<string, number>;
  @ApiProperty({ type: String, nullable: true, description: 'Why the run failed; null when it succeeded' }) error: string | null;

  static from(run: RetentionRun): RetentionRunDto {
    return {
      id: run.id, job: run.job, startedAt: run.startedAt, finishedAt: run.finishedAt, durationMs: run.durationMs,
      counts: run.counts, error: run.error,
    };
  }
}

export class RetentionRunPageDto {
  @ApiProperty({ type: [RetentionRunDto] }) data: RetentionRunDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor: string | null;
}
