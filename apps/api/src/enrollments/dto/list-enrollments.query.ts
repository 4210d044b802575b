import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const DEFAULT_ENROLLMENT_PAGE = 100;
export const MAX_ENROLLMENT_PAGE = 1_000;

export class ListEnrollmentsQuery {
  @ApiPropertyOptional({ default: DEFAULT_ENROLLMENT_PAGE, minimum: 1, maximum: MAX_ENROLLMENT_PAGE })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ENROLLMENT_PAGE)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page' })
  @IsOptional() @IsUUID()
  after?: string;
}
