import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMinSize, IsArray, IsIn, IsUUID, ValidateIf } from 'class-validator';
import { IsTag, IsTagList, MAX_TAGS } from './prospect-tags';

export const BULK_ACTIONS = ['tag', 'untag', 'delete'] as const;
export type BulkAction = (typeof BULK_ACTIONS)[number];

export class BulkProspectsDto {
  @ApiProperty({ enum: BULK_ACTIONS, example: 'tag' })
  @IsIn(BULK_ACTIONS)
  action: BulkAction;

  @ApiProperty({
    type: [String], format: 'uuid', example: ['6f1c2d3e-4b5a-4c6d-8e7f-9a0b1c2d3e4f'],
    description: 'Prospects of the account; at most PROSPECT_BULK_MAX (default 1000); repeats are done once',
  })
  @IsArray() @ArrayMinSize(1) @IsUUID('all', { each: true })
  ids: string[];

  @ApiPropertyOptional({
    type: [String], example: ['vip'],
    description: `For tag and untag (required there, refused for delete): 1 to ${MAX_TAGS} tags, normalised as everywhere`,
  })
  @ValidateIf((body: BulkProspectsDto) => body.action === 'tag' || body.action === 'untag' || body.tags !== undefined)
  @IsTagList() @ArrayMinSize(1)
  tags?: string[];
}

export const BULK_OUTCOMES = ['tagged', 'untagged', 'unchanged', 'deleted', 'not_found', 'too_many_tags', 'failed'] as const;
export type BulkOutcome = (typeof BULK_OUTCOMES)[number];

export class BulkOutcomeDto {
  @ApiProperty({ example: '0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f', format: 'uuid' }) id: string;

  @ApiProperty({
    enum: BULK_OUTCOMES,
    description: '`unchanged`: already tagged (or not carrying the tags); `not_found`: no such prospect in the account ' +
      '(another account\'s is never touched); `too_many_tags`: would carry more than the maximum, left as it was; ' +
      '`failed`: an unexpected error, the others went on',
  })
  outcome: BulkOutcome;
}

export class BulkResultDto {
  @ApiProperty({ enum: BULK_ACTIONS }) action: BulkAction;

  @ApiProperty({ type: [BulkOutcomeDto], description: 'One entry per distinct id, in the order given' })
  results: BulkOutcomeDto[];

  @ApiProperty({
    description: 'How many ids had each outcome',
    example: { tagged: 2, unchanged: 1, not_found: 1 },
    additionalProperties: { type: 'integer' },
  })
  counts: Partial<Record<BulkOutcome, number>>;
}

export class TagsDto {
  @ApiProperty({ type: [String], example: ['vip', 'conference 2026'], description: `1 to ${MAX_TAGS} tags, stored trimmed and lower-case` })
  @IsTagList() @ArrayMinSize(1)
  tags: string[];
}

/** DELETE /v1/prospects/:id/tags/:tag: the tag URL-encoded in the path, normalised as everywhere. */
export class ProspectTagParams {
  @IsUUID('all', { message: 'id must be a UUID' }) id: string;
  @IsTag() tag: string;
}
