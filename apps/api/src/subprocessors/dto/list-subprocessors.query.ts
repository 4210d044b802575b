import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';

export class ListSubprocessorsQuery {
  @ApiPropertyOptional({ enum: ['active', 'retired'], description: 'Only entries of this status (as saved)' })
  @IsOptional() @IsIn(['active', 'retired'])
  status?: 'active' | 'retired';
}

export class ListSubprocessorChangesQuery {
  @ApiPropertyOptional({ example: 'e4f5a6b7-c8d9-4e0f-9a1b-2c3d4e5f6a70', format: 'uuid', description: 'Only this entry\'s changes' })
  @IsOptional() @IsUUID()
  subprocessorId?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 100, example: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000)
  limit?: number;
}
