import { Column, Entity, JoinColumn, OneToOne, PrimaryColumn } from 'typeorm';
import { Mailbox } from './mailbox.entity';

/**
 * A mailbox's pacing, locked by every claim that would send from it, so limits hold
 * exactly however many sends are due at once.
 */
@Entity({ name: 'mailbox_send_state' })
export class MailboxSendState {
  @PrimaryColumn({ name: 'mailbox_id', type: 'uuid', primaryKeyConstraintName: 'pk_mailbox_send_state' })
  mailboxId: string;
  @OneToOne(() => Mailbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'fk_mailbox_send_state_mailbox' })
  mailbox?: Mailbox;
  /** The local date (mailbox time zone) that day_count counts. */
  @Column({ type: 'text' }) day: string;
  @Column({ name: 'day_count', type: 'integer', default: 0 }) dayCount: number;
  @Column({ name: 'next_send_at', type: 'timestamptz' }) nextSendAt: Date;
  @Column({ name: 'queue_tail_at', type: 'timestamptz' }) queueTailAt: Date;
}
