import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';
import { Enrollment } from './enrollment.entity';
import { Mailbox } from './mailbox.entity';
import { Step } from './step.entity';

export type MessageStatus = 'sending' | 'sent' | 'failed' | 'unknown';

/** The variant every step has until steps get A/B variants. */
export const DEFAULT_VARIANT = 'A';

/**
 * The outbox: one row per (enrollment, step), claimed before SMTP, so a step is sent at
 * most once. Content and addresses are kept for the team's shared conversation view.
 */
@Entity({ name: 'messages' })
@Index('uq_messages_enrollment_step', ['enrollmentId', 'stepId'], { unique: true })
@Index('ix_messages_step_status', ['stepId', 'status'])
// A closing account's purge deletes by account (AccountLifecycle1764308500000).
@Index('ix_messages_account', ['accountId'])
// Foreign keys deleted rows are looked up by (ForeignKeyIndexes1764309200000).
@Index('ix_messages_mailbox', ['mailboxId'])
export class Message {
  @IdColumn('messages') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_messages_account' })
  account?: Account;
  @Column({ name: 'enrollment_id', type: 'uuid' }) enrollmentId: string;
  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'fk_messages_enrollment' })
  enrollment?: Enrollment;
  @Column({ name: 'step_id', type: 'uuid' }) stepId: string;
  @ManyToOne(() => Step, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'step_id', foreignKeyConstraintName: 'fk_messages_step' })
  step?: Step;
  @Column({ name: 'mailbox_id', type: 'uuid' }) mailboxId: string;
  @ManyToOne(() => Mailbox, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'fk_messages_mailbox' })
  mailbox?: Mailbox;
  @Column({ type: 'text', default: 'sending' }) status: MessageStatus;
  /** The A/B variant of its step it was written from; steps have the one variant 'A' for now. */
  @Column({ type: 'text', default: DEFAULT_VARIANT }) variant: string;
  @Index('uq_messages_message_id', { unique: true })
  @Column({ name: 'message_id_header', type: 'text' }) messageIdHeader: string;
  @Column({ name: 'in_reply_to', type: 'text', nullable: true }) inReplyTo: string | null;
  @Column({ name: 'references', type: 'text', array: true, default: () => "'{}'" }) references: string[];
  @Column({ name: 'from_address', type: 'text' }) fromAddress: string;
  @Column({ name: 'to_address', type: 'text' }) toAddress: string;
  @Column({ type: 'text' }) subject: string;
  @Column({ name: 'body_text', type: 'text' }) bodyText: string;
  /**
   * Where the pixel and tracked links of this email point (decided at claim time); null when it
   * is not tracked. Its HTML part is rebuilt from body_text when sent, never stored.
   */
  @Column({ name: 'tracking_base_url', type: 'text', nullable: true }) trackingBaseUrl: string | null;
  /** The body's distinct links, in order: a click token names an index here, the only places it may redirect to. */
  @Column({ name: 'tracked_links', type: 'text', array: true, default: () => "'{}'" }) trackedLinks: string[];
  @Column({ type: 'text', nullable: true }) error: string | null;
  @Column({ name: 'smtp_response', type: 'text', nullable: true }) smtpResponse: string | null;
  /** Times this email came back with a temporary failure the remote server gave up on. */
  @Column({ name: 'soft_bounces', type: 'integer', default: 0 }) softBounces: number;
  /** When it is sent again after such a soft bounce (a new Message-ID, same words); null: not planned. */
  @Column({ name: 'resend_at', type: 'timestamptz', nullable: true }) resendAt: Date | null;
  @Column({ name: 'claimed_at', type: 'timestamptz' }) claimedAt: Date;
  @Column({ name: 'sent_at', type: 'timestamptz', nullable: true }) sentAt: Date | null;
  @CreatedAt() createdAt: Date;
}
