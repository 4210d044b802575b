import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { RETENTION_JOBS, type RetentionJob } from '@relance/temporal/contracts';

export class ListRetentionRunsQuery {
  @ApiPropertyOptional({ enum: RETENTION_JOBS, description: 'Runs of one job' })
  @IsOptional() @IsIn(RETENTION_JOBS)
  job?: RetentionJob;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page' })
  @IsOptional() @IsUUID()
  after?: string;
}
