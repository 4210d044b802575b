import { ApiProperty } from '@nestjs/swagger';
import type { RetentionRun } from '@relance/db/entities/retention-run.entity';
import { RETENTION_JOBS } from '@relance/temporal/contracts';

/** One run of a retention job: what it removed (counts), how long it took, or why it failed. */
export class RetentionRunDto {
  @ApiProperty({ example: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f', format: 'uuid' }) id: string;
  @ApiProperty({ enum: RETENTION_JOBS }) job: string;
  @ApiProperty({ example: '2026-12-07T03:00:00.000Z', type: String, format: 'date-time' }) startedAt: Date;
  @ApiProperty({ example: '2026-12-07T03:00:04.200Z', type: String, format: 'date-time' }) finishedAt: Date;
  @ApiProperty({ example: 4200 }) durationMs: number;
  @ApiProperty({ type: Object, example: { requestLogsArchived: 1200, archiveFilesWritten: 3 } }) counts: Record<string, number>;
  @ApiProperty({ example: 'could not write the archive: ENOSPC', type: String, nullable: true, description: 'Why the run failed; null when it succeeded' }) error: string | null;

  static from(run: RetentionRun): RetentionRunDto {
    return {
      id: run.id, job: run.job, startedAt: run.startedAt, finishedAt: run.finishedAt, durationMs: run.durationMs,
      counts: run.counts, error: run.error,
    };
  }
}

export class RetentionRunPageDto {
  @ApiProperty({ type: [RetentionRunDto] }) data: RetentionRunDto[];
  @ApiProperty({ example: 'c2d3e4f5-a6b7-4c8d-9e0f-1a2b3c4d5e6f', type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor: string | null;
}
