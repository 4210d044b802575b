import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { Campaign } from './campaign.entity';
import { CreatedAt, IdColumn, UpdatedAt } from './columns';
import { Mailbox } from './mailbox.entity';
import { Prospect } from './prospect.entity';

/** 'paused': held by the rep (pause / resume); an out-of-office pause keeps it 'active' with paused_until. */
export type EnrollmentStatus = 'active' | 'paused' | 'replied' | 'bounced' | 'completed' | 'stopped' | 'failed';

/** One prospect in one campaign; its sequence runs as workflow `enrollment:<id>`. */
@Entity({ name: 'enrollments' })
@Index('uq_enrollments_campaign_prospect', ['campaignId', 'prospectId'], { unique: true })
@Index('ix_enrollments_campaign_created', ['campaignId', 'createdAt', 'id'])
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
  /** Position of the step being run or waited on; equals the step count once done. */
  @Column({ name: 'current_step', type: 'integer', default: 0 }) currentStep: number;
  @Column({ name: 'workflow_id', type: 'text' }) workflowId: string;
  @Column({ name: 'stop_reason', type: 'text', nullable: true }) stopReason: string | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  /** An out-of-office reply holds the next email until then (the sender's return); null when not held. */
  @Column({ name: 'paused_until', type: 'timestamptz', nullable: true }) pausedUntil: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
