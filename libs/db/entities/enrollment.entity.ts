import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { Campaign } from './campaign.entity';
import { CreatedAt, IdColumn, UpdatedAt } from './columns';
import { Mailbox } from './mailbox.entity';
import { Prospect } from './prospect.entity';

/**
 * 'paused': held by the rep (pause / resume). An out-of-office pause keeps the row 'active' with
 * paused_until (the API shows it paused): the workflow, not the rep, ends that pause.
 */
export type EnrollmentStatus = 'active' | 'paused' | 'replied' | 'bounced' | 'completed' | 'stopped' | 'failed';

/**
 * Why a running enrollment is not sending right now: outside the campaign's sending window (or
 * the mailbox's), its mailbox at its daily limit or spacing its sends, an out-of-office pause, an
 * earlier email's soft-bounce resend still due, a wait step, a task for the rep, a pause.
 */
export type EnrollmentWaitReason =
  | 'sending_window' | 'mailbox_window' | 'daily_limit' | 'spacing' | 'out_of_office' | 'pending_resend'
  | 'wait_step' | 'task' | 'paused_by_user' | 'campaign_paused' | 'mailbox_disabled'
  | 'billing_lapsed' | 'monthly_email_cap';

/** One prospect in one campaign; its sequence runs as workflow `enrollment:<id>`. */
@Entity({ name: 'enrollments' })
@Index('uq_enrollments_campaign_prospect', ['campaignId', 'prospectId'], { unique: true })
@Index('ix_enrollments_campaign_created', ['campaignId', 'createdAt', 'id'])
// A closing account's purge deletes by account (AccountLifecycle1764308500000).
@Index('ix_enrollments_account', ['accountId'])
// Foreign keys deleted rows are looked up by (ForeignKeyIndexes1764309200000).
@Index('ix_enrollments_mailbox', ['mailboxId'])
export class Enrollment {
  @IdColumn('enrollments') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_enrollments_account' })
  account?: Account;
  @Column({ name: 'campaign_id', type: 'uuid' }) campaignId: string;
  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_enrollments_campaign' })
  campaign?: Campaign;
  @Index('ix_enrollments_prospect')
  @Column({ name: 'prospect_id', type: 'uuid' }) prospectId: string;
  @ManyToOne(() => Prospect, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'prospect_id', foreignKeyConstraintName: 'fk_enrollments_prospect' })
  prospect?: Prospect;
  @Column({ type: 'text', default: 'active' }) status: EnrollmentStatus;
  /** The mailbox its first email left from; later steps follow in that thread. */
  @Column({ name: 'mailbox_id', type: 'uuid', nullable: true }) mailboxId: string | null;
  @ManyToOne(() => Mailbox, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'fk_enrollments_mailbox' })
  mailbox?: Mailbox;
  /** Position of the step being run or waited on; once ended, of the last step it reached. */
  @Column({ name: 'current_step', type: 'integer', default: 0 }) currentStep: number;
  @Column({ name: 'workflow_id', type: 'text' }) workflowId: string;
  @Column({ name: 'stop_reason', type: 'text', nullable: true }) stopReason: string | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  /** An out-of-office reply holds the next email until then (the sender's return); null when not held. */
  @Column({ name: 'paused_until', type: 'timestamptz', nullable: true }) pausedUntil: Date | null;
  /** Why its current step waits (written when the wait begins; stale once it has passed). */
  @Column({ name: 'waiting_reason', type: 'text', nullable: true }) waitingReason: EnrollmentWaitReason | null;
  /** Until when it waits; null: until something happens (a task done, a resume). */
  @Column({ name: 'waiting_until', type: 'timestamptz', nullable: true }) waitingUntil: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
