import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import type { AuditActorKind } from '@relance/db/entities/audit-event.entity';
import { IsInstant } from '../../common/validators/instant';

export const ACTOR_KINDS: AuditActorKind[] = ['staff', 'system', 'api_key', 'user', 'data_subject'];

/** Names in the trail are dotted snake_case (`prospect.erased`, `privacy_request`). */
const DOTTED_NAME = /^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/;
const DOTTED_NAME_MESSAGE = '$property must be a dotted lower-case name such as prospect.erased';

export class ListAuditEventsQuery {
  @ApiPropertyOptional({ example: 'prospect', description: 'What kind of thing was acted on' })
  @IsOptional() @MaxLength(100) @Matches(DOTTED_NAME, { message: DOTTED_NAME_MESSAGE })
  targetType?: string;

  @ApiPropertyOptional({ example: '0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f', description: 'The id of what was acted on' })
  @IsOptional() @MaxLength(200)
  targetId?: string;

  @ApiPropertyOptional({ enum: ACTOR_KINDS })
  @IsOptional() @IsIn(ACTOR_KINDS)
  actorKind?: AuditActorKind;

  @ApiPropertyOptional({ example: '7e3a9b1c-2d4f-4a6b-8c0d-9e8f7a6b5c4d', format: 'uuid', description: 'The staff member, API key or user who acted' })
  @IsOptional() @IsUUID()
  actorId?: string;

  @ApiPropertyOptional({ example: 'staff_user.disabled' })
  @IsOptional() @MaxLength(100) @Matches(DOTTED_NAME, { message: DOTTED_NAME_MESSAGE })
  action?: string;

  @ApiPropertyOptional({ example: '2026-12-01T00:00:00Z', format: 'date-time', description: 'Events at or after this instant' })
  @IsOptional() @IsInstant()
  from?: string;

  @ApiPropertyOptional({ example: '2026-12-08T00:00:00Z', format: 'date-time', description: 'Events before this instant' })
  @IsOptional() @IsInstant()
  to?: string;

  @ApiPropertyOptional({ example: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f', format: 'uuid', description: 'Events of one customer account' })
  @IsOptional() @IsUUID()
  accountId?: string;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200, example: 20 })
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(200)
  limit?: number;

  @ApiPropertyOptional({ format: 'uuid', description: '`nextCursor` of the previous page', example: '9d4e2a71-0c3b-4f8e-a5d6-1b2c3d4e5f60' })
  @IsOptional() @IsUUID()
  after?: string;
}
