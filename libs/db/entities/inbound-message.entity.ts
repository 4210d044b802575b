import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';
import { Enrollment } from './enrollment.entity';
import { Mailbox } from './mailbox.entity';
import { Message } from './message.entity';

/**
 * A person's answer; a program answering for them (out of office, read receipt); a delivery
 * report; a complaint (an ARF feedback report: the recipient asked not to be mailed).
 */
export type InboundKind = 'reply' | 'auto_reply' | 'bounce' | 'complaint';

/**
 * A message found in a mailbox that answers one of ours, or reports on its delivery. Mail that
 * matches nothing Relance sent is not stored: it is the rep's own business; except a bounce or
 * a complaint tied to nothing of ours, kept for operators (no enrollment, no message, no body,
 * addresses masked: see InboundRepository.recordUnmatched).
 */
@Entity({ name: 'inbound_messages' })
@Check('ck_inbound_messages_kind', `"kind" IN ('reply', 'auto_reply', 'bounce', 'complaint')`)
@Index('uq_inbound_messages_imap', ['mailboxId', 'imapUidValidity', 'imapUid'], { unique: true })
@Index('ix_inbound_messages_reply_to', ['inReplyToMessageId', 'kind'])
// Erasure finds a prospect's unmatched mail by its sender.
@Index('ix_inbound_messages_account_from', ['accountId', 'fromAddress'])
export class InboundMessage {
  @IdColumn('inbound_messages') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_inbound_messages_account' })
  account?: Account;
  @Column({ name: 'mailbox_id', type: 'uuid' }) mailboxId: string;
  @ManyToOne(() => Mailbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'fk_inbound_messages_mailbox' })
  mailbox?: Mailbox;
  @Column({ name: 'imap_uid_validity', type: 'text' }) imapUidValidity: string;
  @Column({ name: 'imap_uid', type: 'bigint', transformer: { to: (v: number) => v, from: (v: string) => Number(v) } })
  imapUid: number;
  @Column({ type: 'text', default: 'reply' }) kind: InboundKind;
  @Column({ name: 'message_id_header', type: 'text', nullable: true }) messageIdHeader: string | null;
  @Column({ name: 'in_reply_to_message_id', type: 'uuid', nullable: true }) inReplyToMessageId: string | null;
  @ManyToOne(() => Message, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'in_reply_to_message_id', foreignKeyConstraintName: 'fk_inbound_messages_message' })
  inReplyToMessage?: Message;
  @Index('ix_inbound_messages_enrollment')
  @Column({ name: 'enrollment_id', type: 'uuid', nullable: true }) enrollmentId: string | null;
  @ManyToOne(() => Enrollment, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'fk_inbound_messages_enrollment' })
  enrollment?: Enrollment;
  @Column({ name: 'from_address', type: 'text', nullable: true }) fromAddress: string | null;
  @Column({ type: 'text' }) subject: string;
  @Column({ name: 'to_addresses', type: 'text', array: true, default: () => "'{}'" }) toAddresses: string[];
  /** What the sender wrote, without the history their client quoted below or around it. */
  @Column({ name: 'body_text', type: 'text' }) bodyText: string;
  /** The quoted history (and attribution lines), kept apart; null when there was none. */
  @Column({ name: 'quoted_text', type: 'text', nullable: true }) quotedText: string | null;
  /** auto_reply: when the sender said they are back (09:00 their time); null when they did not say. */
  @Column({ name: 'auto_reply_until', type: 'timestamptz', nullable: true }) autoReplyUntil: Date | null;
  /** bounce: enhanced status of the failure (RFC 3463), e.g. 5.1.1 (hard) or 4.2.2 (soft). */
  @Column({ name: 'bounce_status', type: 'text', nullable: true }) bounceStatus: string | null;
  /** bounce: what the remote server answered, e.g. "550 5.1.1 User unknown". */
  @Column({ name: 'bounce_diagnostic', type: 'text', nullable: true }) bounceDiagnostic: string | null;
  /** bounce: why, in the taxonomy of libs/mail/classification/bounce-reasons.ts; what it does is BOUNCE_EFFECT's. */
  @Column({ name: 'bounce_reason', type: 'text', nullable: true }) bounceReason: string | null;
  /** bounce: the status the report itself gave (e.g. a generic 5.0.0) when bounce_status was refined; null when the same. */
  @Column({ name: 'bounce_raw_status', type: 'text', nullable: true }) bounceRawStatus: string | null;
  /** complaint: the report's Feedback-Type (abuse, opt-out, fraud…). */
  @Column({ name: 'feedback_type', type: 'text', nullable: true }) feedbackType: string | null;
  /** reply: a colleague's answer that the prospect left, offering someone instead (see prospect_suggestions). */
  @Column({ type: 'boolean', default: false }) referral: boolean;
  @Column({ name: 'received_at', type: 'timestamptz', nullable: true }) receivedAt: Date | null;
  @CreatedAt() createdAt: Date;
}
