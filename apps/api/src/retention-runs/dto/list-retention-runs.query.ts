import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { RETENTION_JOBS, type RetentionJob } from '@relance/temporal/contracts';

export class ListRetentionRunsQuery {
  @ApiPropertyOptional({ enum: RETENTION_JOBS, description: 'Runs of one job' })
  @IsOptional() @IsIn(RETENTION_JOBS)
  job?: RetentionJob;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200, example: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page', example: '9d4e2a71-0c3b-4f8e-a5d6-1b2c3d4e5f60' })
  @IsOptional() @IsUUID()
  after?: string;
}
