import { ApiProperty } from '@nestjs/swagger';
import type { AuditActorKind, AuditEvent } from '@relance/db/entities/audit-event.entity';
import { ACTOR_KINDS } from './list-audit-events.query';

export class AuditActorDto {
  @ApiProperty({ enum: ACTOR_KINDS }) kind: AuditActorKind;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for the system and data subjects' }) id: string | null;
}

export class AuditTargetDto {
  @ApiProperty({ example: 'prospect' }) type: string;
  @ApiProperty() id: string;
}

/** One action on personal data, as the trail recorded it: ids only, never the data itself. */
export class AuditEventDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ type: String, format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ type: AuditActorDto, description: 'Who acted' }) actor: AuditActorDto;
  @ApiProperty({ example: 'prospect.erased' }) action: string;
  @ApiProperty({ type: AuditTargetDto, description: 'What it was done to' }) target: AuditTargetDto;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) accountId: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'Why, in the actor\'s words (addresses masked)' }) reason: string | null;
  @ApiProperty({ type: Object, description: 'Counts and ids describing what was done' }) details: Record<string, unknown>;

  static from(event: AuditEvent): AuditEventDto {
    return {
      id: event.id,
      occurredAt: event.occurredAt,
      actor: { kind: event.actorKind, id: event.actorId },
      action: event.action,
      target: { type: event.targetType, id: event.targetId },
      accountId: event.accountId,
      reason: event.reason,
      details: event.details,
    };
  }
}

export class AuditEventPageDto {
  @ApiProperty({ type: [AuditEventDto] }) data: AuditEventDto[];
  @ApiProperty({ type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor: string | null;
}
