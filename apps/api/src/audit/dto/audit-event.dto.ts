import { ApiProperty } from '@nestjs/swagger';
import type { AuditActorKind, AuditEvent } from '@relance/db/entities/audit-event.entity';
import { ACTOR_KINDS } from './list-audit-events.query';

export class AuditActorDto {
  @ApiProperty({ enum: ACTOR_KINDS }) kind: AuditActorKind;
  @ApiProperty({ example: '7e3a9b1c-2d4f-4a6b-8c0d-9e8f7a6b5c4d', type: String, format: 'uuid', nullable: true, description: 'Null for the system and data subjects' }) id: string | null;
}

export class AuditTargetDto {
  @ApiProperty({ example: 'prospect' }) type: string;
  @ApiProperty({ example: '0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f' }) id: string;
}

/** One action on personal data, as the trail recorded it: ids only, never the data itself. */
export class AuditEventDto {
  @ApiProperty({ example: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e', format: 'uuid' }) id: string;
  @ApiProperty({ example: '2026-12-02T08:00:00.000Z', type: String, format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ type: AuditActorDto, description: 'Who acted' }) actor: AuditActorDto;
  @ApiProperty({ example: 'prospect.erased' }) action: string;
  @ApiProperty({ type: AuditTargetDto, description: 'What it was done to' }) target: AuditTargetDto;
  @ApiProperty({ example: '5b1d6c2e-8f3a-4d7b-9c0e-1a2b3c4d5e6f', type: String, format: 'uuid', nullable: true }) accountId: string | null;
  @ApiProperty({ example: 'Erasure requested by a***@example.com', type: String, nullable: true, description: 'Why, in the actor\'s words (addresses masked)' }) reason: string | null;
  @ApiProperty({ example: { requestId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', rowsErased: 14 }, type: Object, description: 'Counts and ids describing what was done' }) details: Record<string, unknown>;

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
  @ApiProperty({ example: 'b1c2d3e4-f5a6-4b7c-8d9e-0f1a2b3c4d5e', type: String, nullable: true, description: 'Pass as `after` for the next page; null on the last page' })
  nextCursor: string | null;
}
