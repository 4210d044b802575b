import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray } from 'class-validator';
import { CreateProspectDto } from './create-prospect.dto';
import { ProspectDto } from './prospect.dto';

export const MAX_BATCH = 1_000;

export class CreateProspectsBatchDto {
  /** Rows are validated one by one (see prospect-rows.ts), so one bad row does not sink the others. */
  @ApiProperty({ type: [CreateProspectDto], minItems: 1, maxItems: MAX_BATCH })
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(MAX_BATCH)
  prospects: unknown[];
}

export class RowErrorDto {
  @ApiProperty({ example: 2, description: 'Position of the row in `prospects`, from 0' }) index: number;
  @ApiProperty({ enum: ['validation_failed', 'conflict', 'suppressed'] }) code: 'validation_failed' | 'conflict' | 'suppressed';
  @ApiProperty({ example: 'email' }) field: string;
  @ApiProperty({ example: 'email must be an email' }) message: string;
}

export class ProspectsBatchResultDto {
  @ApiProperty({ type: [ProspectDto], description: 'The prospects created, in the order of their rows' })
  created: ProspectDto[];

  @ApiProperty({ type: [RowErrorDto], description: 'One entry per problem of each row not created' })
  errors: RowErrorDto[];
}
