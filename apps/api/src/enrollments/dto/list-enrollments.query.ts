import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export const DEFAULT_ENROLLMENT_PAGE = 100;
export const MAX_ENROLLMENT_PAGE = 1_000;

export class ListEnrollmentsQuery {
  @ApiPropertyOptional({ default: DEFAULT_ENROLLMENT_PAGE, minimum: 1, maximum: MAX_ENROLLMENT_PAGE, example: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(MAX_ENROLLMENT_PAGE)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page', example: '9d4e2a71-0c3b-4f8e-a5d6-1b2c3d4e5f60' })
  @IsOptional() @IsUUID()
  after?: string;
}
