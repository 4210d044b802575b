import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';
import { Enrollment } from './enrollment.entity';
import { Step } from './step.entity';

export type TaskStatus = 'open' | 'done' | 'skipped' | 'cancelled';

/**
 * Something a rep does by hand for one prospect (call them, connect on LinkedIn), from a task
 * step. The sequence waits until it is done or skipped: this row is the authority, the signal
 * to the workflow only wakes it. One per (enrollment, step), so creating it is idempotent.
 * When its enrollment ends otherwise (a reply, an unsubscribe, a stop…), a trigger on
 * `enrollments` cancels it in the same transaction, with the reason (migration CancelledTasks).
 */
@Entity({ name: 'tasks' })
@Index('uq_tasks_enrollment_step', ['enrollmentId', 'stepId'], { unique: true })
@Index('ix_tasks_account_status_created', ['accountId', 'status', 'createdAt', 'id'])
// Foreign keys deleted rows are looked up by (ForeignKeyIndexes1764309200000).
@Index('ix_tasks_step', ['stepId'])
@Check('ck_tasks_status', `"status" IN ('open', 'done', 'skipped', 'cancelled')`)
export class Task {
  @IdColumn('tasks') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_tasks_account' })
  account?: Account;
  @Column({ name: 'enrollment_id', type: 'uuid' }) enrollmentId: string;
  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'fk_tasks_enrollment' })
  enrollment?: Enrollment;
  @Column({ name: 'step_id', type: 'uuid' }) stepId: string;
  @ManyToOne(() => Step, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'step_id', foreignKeyConstraintName: 'fk_tasks_step' })
  step?: Step;
  @Column({ type: 'text' }) title: string;
  @Column({ type: 'text', nullable: true }) instructions: string | null;
  @Column({ type: 'text', default: 'open' }) status: TaskStatus;
  @Column({ name: 'due_at', type: 'timestamptz', nullable: true }) dueAt: Date | null;
  /** When it was closed: done, skipped or cancelled. */
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
  /** Why it was cancelled: its enrollment's stop reason (e.g. unsubscribed), 'failed', or its end status. */
  @Column({ name: 'cancel_reason', type: 'text', nullable: true }) cancelReason: string | null;
  @CreatedAt() createdAt: Date;
}
