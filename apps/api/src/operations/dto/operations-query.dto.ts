import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';

export class OperationsQuery {
  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100, example: 20, description: 'How many items each list holds at most' })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(100)
  limit?: number;

  @ApiPropertyOptional({ example: 60,
    default: 60, minimum: 1, maximum: 10_080,
    description: 'A run of a short-lived workflow type still running after this many minutes is listed as long-running',
  })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(10_080)
  longRunningMinutes?: number;
}
