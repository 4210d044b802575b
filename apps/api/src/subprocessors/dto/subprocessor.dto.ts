import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { ChangeRow, EntryRow, UpcomingChange } from '@relance/subprocessors';
import type { SubprocessorFields } from '@relance/subprocessors';

export class FieldChangeDto {
  @ApiPropertyOptional({ nullable: true, description: 'Null for an entry being added' }) before: string | null;
  @ApiProperty() after: string;
}

const CHANGES_DOC = {
  type: 'object', additionalProperties: { $ref: '#/components/schemas/FieldChangeDto' },
  description: 'Field → before and after (name, address, processingScope, personalDataTypes, processingLocation, transferMechanism, status)',
} as const;

/** One row of the change log, as staff read it. */
export class SubprocessorChangeDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) subprocessorId: string;
  @ApiProperty({ enum: ['added', 'updated', 'retired'] }) kind: string;
  @ApiProperty(CHANGES_DOC) changes: Record<string, FieldChangeDto>;
  @ApiProperty() effectiveAt: string;
  @ApiProperty({ description: 'Whether the change applies already' }) inEffect: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true }) createdByStaffId: string | null;
  @ApiProperty() createdAt: string;
  @ApiProperty({ description: 'Subscribed owners mailed about it so far' }) noticesSent: number;
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

/** An entry as staff read it: the newest values saved, pending changes included. */
export class SubprocessorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty() processingScope: string;
  @ApiProperty() personalDataTypes: string;
  @ApiProperty() processingLocation: string;
  @ApiProperty() transferMechanism: string;
  @ApiProperty({ enum: ['active', 'retired'], description: 'Once every saved change applies' }) status: string;
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiPropertyOptional({ type: [SubprocessorChangeDto], description: 'Its change log, newest first (single-entry route and changes)' })
  changes?: SubprocessorChangeDto[];

  static from(entry: EntryRow, changes?: SubprocessorChangeDto[]): SubprocessorDto {
    return {
      id: entry.id, name: entry.name, address: entry.address, processingScope: entry.processingScope,
      personalDataTypes: entry.personalDataTypes, processingLocation: entry.processingLocation,
      transferMechanism: entry.transferMechanism, status: entry.status,
      createdAt: entry.createdAt.toISOString(), updatedAt: entry.updatedAt.toISOString(),
      ...(changes ? { changes } : {}),
    };
  }
}

export class PublicSubprocessorDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
  @ApiProperty() address: string;
  @ApiProperty() processingScope: string;
  @ApiProperty() personalDataTypes: string;
  @ApiProperty() processingLocation: string;
  @ApiProperty() transferMechanism: string;

  static from(entry: SubprocessorFields & { id: string }): PublicSubprocessorDto {
    return { ...entry };
  }
}

export class UpcomingChangeDto {
  @ApiProperty({ format: 'uuid' }) changeId: string;
  @ApiProperty({ format: 'uuid' }) subprocessorId: string;
  @ApiProperty({ description: 'The entry\'s name once the change applies' }) name: string;
  @ApiProperty({ enum: ['added', 'updated', 'retired'] }) kind: string;
  @ApiProperty(CHANGES_DOC) changes: Record<string, FieldChangeDto>;
  @ApiProperty() effectiveAt: string;

  static from(change: UpcomingChange): UpcomingChangeDto {
    return { ...change, effectiveAt: change.effectiveAt.toISOString() };
  }
}

/** The public list: what applies now, and what is announced. */
export class PublicSubprocessorListDto {
  @ApiProperty({ type: [PublicSubprocessorDto], description: 'Subprocessors in use now, by name' }) subprocessors: PublicSubprocessorDto[];
  @ApiProperty({ type: [UpcomingChangeDto], description: 'Announced changes, soonest first' }) upcomingChanges: UpcomingChangeDto[];
  @ApiProperty() generatedAt: string;
}

export class NoticeSubscriptionDto {
  @ApiProperty({ description: 'Whether the calling owner is mailed every registry change' }) subscribed: boolean;
  @ApiPropertyOptional({ nullable: true }) subscribedAt: string | null;
}
