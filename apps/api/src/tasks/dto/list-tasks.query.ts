import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import type { TaskStatus } from '@relance/db/entities/task.entity';
import { TASK_STATUSES } from './task.dto';

export const DEFAULT_TASK_PAGE = 100;
export const MAX_TASK_PAGE = 1_000;

export class ListTasksQuery {
  @ApiPropertyOptional({ enum: TASK_STATUSES, description: 'Only tasks in this status; all when absent' })
  @IsOptional() @IsIn(TASK_STATUSES)
  status?: TaskStatus;

  @ApiPropertyOptional({ default: DEFAULT_TASK_PAGE, minimum: 1, maximum: MAX_TASK_PAGE, example: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_TASK_PAGE)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page', example: '9d4e2a71-0c3b-4f8e-a5d6-1b2c3d4e5f60' })
  @IsOptional() @IsUUID()
  after?: string;
}
