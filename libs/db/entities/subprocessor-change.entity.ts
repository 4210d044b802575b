import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAt, IdColumn } from './columns';
import { StaffUser } from './staff-user.entity';
import { Subprocessor } from './subprocessor.entity';

export const SUBPROCESSOR_CHANGE_KINDS = ['added', 'updated', 'retired'] as const;
export type SubprocessorChangeKind = (typeof SUBPROCESSOR_CHANGE_KINDS)[number];

/** One field's value before and after a change (null before an addition). */
export interface FieldChange {
  before: string | null;
  after: string;
}

/**
 * The registry's change log: what changed on an entry, and from when it applies. Customers who
 * subscribed are told before that date (GDPR Art. 28(2)). Appended, never edited.
 */
@Entity({ name: 'subprocessor_changes' })
@Check('ck_subprocessor_changes_kind', `"kind" IN ('added', 'updated', 'retired')`)
@Index('ix_subprocessor_changes_subprocessor', ['subprocessorId', 'createdAt'])
export class SubprocessorChange {
  @IdColumn('subprocessor_changes') id: string;
  @Column({ name: 'subprocessor_id', type: 'uuid' }) subprocessorId: string;
  @ManyToOne(() => Subprocessor, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'subprocessor_id', foreignKeyConstraintName: 'fk_subprocessor_changes_subprocessor' })
  subprocessor?: Subprocessor;
  @Column({ type: 'text' }) kind: SubprocessorChangeKind;
  /** Field (as the API names it: processingScope…) → before and after. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) changes: Record<string, FieldChange>;
  @Index('ix_subprocessor_changes_effective_at')
  @Column({ name: 'effective_at', type: 'timestamptz' }) effectiveAt: Date;
  /** The admin who made it; null once their row is gone (staff rows are normally kept). */
  @Column({ name: 'created_by_staff_id', type: 'uuid', nullable: true }) createdByStaffId: string | null;
  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_staff_id', foreignKeyConstraintName: 'fk_subprocessor_changes_staff' })
  createdBy?: StaffUser;
  @CreatedAt() createdAt: Date;
}
