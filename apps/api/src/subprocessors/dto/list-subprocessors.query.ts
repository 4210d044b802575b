import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { PageQuery } from '../../common/page-query';

export class ListSubprocessorsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['active', 'retired'], example: 'active', description: 'Only entries of this status (as saved)' })
  @IsOptional() @IsIn(['active', 'retired'])
  status?: 'active' | 'retired';
}

export class ListSubprocessorChangesQuery extends PageQuery {
  @ApiPropertyOptional({ example: 'e4f5a6b7-c8d9-4e0f-9a1b-2c3d4e5f6a70', format: 'uuid', description: 'Only this entry\'s changes' })
  @IsOptional() @IsUUID()
  subprocessorId?: string;
}
