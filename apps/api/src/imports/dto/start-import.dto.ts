import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsArray, IsIn, IsOptional } from 'class-validator';
import { COLUMN_TARGET_SCHEMA } from './import-job.dto';

export class StartImportDto {
  @ApiPropertyOptional({
    description: 'One target per column of the file (`field` with one of email, firstName, lastName, position, company, ' +
      'country, timeZone; `custom` with a key; or `ignore`). Omitted: the suggested mapping as it is.',
    example: [{ kind: 'field', field: 'email' }, { kind: 'ignore' }, { kind: 'custom', key: 'industry' }],
    type: 'array',
    items: COLUMN_TARGET_SCHEMA,
  })
  @IsOptional() @IsArray()
  mapping?: unknown[];

  @ApiPropertyOptional({ enum: ['skip', 'update'], default: 'skip', description: 'What a row whose address is already a prospect does' })
  @IsOptional() @IsIn(['skip', 'update'])
  onExisting?: 'skip' | 'update';
}
