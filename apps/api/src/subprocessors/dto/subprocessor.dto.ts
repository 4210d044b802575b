import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChangeRow, EntryRow, UpcomingChange } from '@relance/subprocessors';
import type { SubprocessorFields } from '@relance/subprocessors';

export class FieldChangeDto {
  @ApiPropertyOptional({ example: 'EU', type: String, nullable: true, description: 'Null for an entry being added' }) before: string | null;
  @ApiProperty({ example: 'US' }) after: string;
}

const CHANGES_DOC = {
  type: 'object', additionalProperties: { $ref: '#/components/schemas/FieldChangeDto' },
  example: { processingLocation: { before: 'EU', after: 'US' } },
  description: 'Field → before and after (name, address, processingScope, personalDataTypes, processingLocation, transferMechanism, status)',
} as const;

/** One row of the change log, as staff read it. */
export class SubprocessorChangeDto {
  @ApiProperty({ example: 'd3e4f5a6-b7c8-4d9e-8f0a-1b2c3d4e5f60', format: 'uuid' }) id: string;
  @ApiProperty({ example: 'e4f5a6b7-c8d9-4e0f-9a1b-2c3d4e5f6a70', format: 'uuid' }) subprocessorId: string;
  @ApiProperty({ enum: ['added', 'updated', 'retired'] }) kind: string;
  @ApiProperty(CHANGES_DOC) changes: Record<string, FieldChangeDto>;
  @ApiProperty({ example: '2027-01-15T00:00:00.000Z' }) effectiveAt: string;
  @ApiProperty({ example: false, description: 'Whether the change applies already' }) inEffect: boolean;
  @ApiPropertyOptional({ example: '7e3a9b1c-2d4f-4a6b-8c0d-9e8f7a6b5c4d', type: String, format: 'uuid', nullable: true }) createdByStaffId: string | null;
  @ApiProperty({ example: '2026-12-16T10:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: 42, description: 'Subscribed owners mailed about it so far' }) noticesSent: number;
  @ApiProperty({ example: 'subprocessor-notice:…', description: 'The Temporal workflow that mails the notices' }) noticeWorkflowId: string;

  static from(change: ChangeRow, now: Date): SubprocessorChangeDto {
    return {
      id: change.id, subprocessorId: change.subprocessorId, kind: change.kind, changes: change.changes,
      effectiveAt: change.effectiveAt.toISOString(), inEffect: change.effectiveAt.getTime() <= now.getTime(),
      createdByStaffId: change.createdByStaffId, createdAt: change.createdAt.toISOString(), noticesSent: change.noticesSent,
      noticeWorkflowId: `subprocessor-notice:${change.id}`,
    };
  }
}

/** An entry as the public registry shows it. */
export class PublicSubprocessorDto {
  @ApiProperty({ example: 'e4f5a6b7-c8d9-4e0f-9a1b-2c3d4e5f6a70', format: 'uuid' }) id: string;
  @ApiProperty({ example: 'Stripe' }) name: string;
  @ApiProperty({ example: '510 Townsend Street, San Francisco, California' }) address: string;
  @ApiProperty({ example: 'Payment services' }) processingScope: string;
  @ApiProperty({ example: 'Name, address, email address' }) personalDataTypes: string;
  @ApiProperty({ example: 'US' }) processingLocation: string;
  @ApiProperty({ example: 'Data Privacy Framework' }) transferMechanism: string;

  static from(entry: SubprocessorFields & { id: string }): PublicSubprocessorDto {
    return { ...entry };
  }
}

/** An entry as staff read it: the newest values saved, pending changes included. */
export class SubprocessorDto extends PublicSubprocessorDto {
  @ApiProperty({ enum: ['active', 'retired'], description: 'Once every saved change applies' }) status: string;
  @ApiProperty({ example: '2026-01-10T09:00:00.000Z' }) createdAt: string;
  @ApiProperty({ example: '2026-12-16T10:00:00.000Z' }) updatedAt: string;
  @ApiPropertyOptional({ type: [SubprocessorChangeDto], description: 'Its change log, newest first (single-entry route and changes)' })
  changes?: SubprocessorChangeDto[];

  static override from(entry: EntryRow, changes?: SubprocessorChangeDto[]): SubprocessorDto {
    return {
      id: entry.id, name: entry.name, address: entry.address, processingScope: entry.processingScope,
      personalDataTypes: entry.personalDataTypes, processingLocation: entry.processingLocation,
      transferMechanism: entry.transferMechanism, status: entry.status,
      createdAt: entry.createdAt.toISOString(), updatedAt: entry.updatedAt.toISOString(),
      ...(changes ? { changes } : {}),
    };
  }
}

export class UpcomingChangeDto {
  @ApiProperty({ example: 'd3e4f5a6-b7c8-4d9e-8f0a-1b2c3d4e5f60', format: 'uuid' }) changeId: string;
  @ApiProperty({ example: 'e4f5a6b7-c8d9-4e0f-9a1b-2c3d4e5f6a70', format: 'uuid' }) subprocessorId: string;
  @ApiProperty({ example: 'Stripe', description: 'The entry\'s name once the change applies' }) name: string;
  @ApiProperty({ enum: ['added', 'updated', 'retired'] }) kind: string;
  @ApiProperty(CHANGES_DOC) changes: Record<string, FieldChangeDto>;
  @ApiProperty({ example: '2027-01-15T00:00:00.000Z' }) effectiveAt: string;

  static from(change: UpcomingChange): UpcomingChangeDto {
    return { ...change, effectiveAt: change.effectiveAt.toISOString() };
  }
}

/** The public list: what applies now, and what is announced. */
export class PublicSubprocessorListDto {
  @ApiProperty({ type: [PublicSubprocessorDto], description: 'Subprocessors in use now, by name' }) subprocessors: PublicSubprocessorDto[];
  @ApiProperty({ type: [UpcomingChangeDto], description: 'Announced changes, soonest first' }) upcomingChanges: UpcomingChangeDto[];
  @ApiProperty({ example: '2026-12-07T12:00:00.000Z' }) generatedAt: string;
}

export class NoticeSubscriptionDto {
  @ApiProperty({ example: true, description: 'Whether the calling owner is mailed every registry change' }) subscribed: boolean;
  @ApiPropertyOptional({ example: '2026-11-02T14:05:00.000Z', type: String, format: 'date-time', nullable: true }) subscribedAt: string | null;
}

const NEXT_CURSOR = {
  type: String, nullable: true, example: '5b6c7d8e-9f0a-4b1c-8d2e-3f4a5b6c7d8e',
  description: 'Pass as `after` for the next page; null on the last page',
} as const;

export class SubprocessorPageDto {
  @ApiProperty({ type: [SubprocessorDto], description: 'In name order' }) data: SubprocessorDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
}

export class SubprocessorChangePageDto {
  @ApiProperty({ type: [SubprocessorChangeDto], description: 'Newest first' }) data: SubprocessorChangeDto[];
  @ApiProperty(NEXT_CURSOR) nextCursor: string | null;
}
