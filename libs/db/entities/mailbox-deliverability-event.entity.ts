import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { IdColumn } from './columns';
import { InboundMessage } from './inbound-message.entity';
import { Mailbox } from './mailbox.entity';

/**
 * A bounce that blamed the sender (its IP or domain reputation, a failed authentication, its
 * content…), not the recipient: counted per mailbox, so a mailbox that keeps being refused
 * pauses itself before it burns the list. Holds a reason, never who the email was for.
 */
@Entity({ name: 'mailbox_deliverability_events' })
@Index('ix_mailbox_deliverability_events_mailbox', ['mailboxId', 'occurredAt'])
// A closing account's purge deletes by account (AccountLifecycle1764308500000).
@Index('ix_mailbox_deliverability_events_account', ['accountId'])
@Index('ix_mailbox_deliverability_events_inbound', ['inboundMessageId'])
export class MailboxDeliverabilityEvent {
  @IdColumn('mailbox_deliverability_events') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_mailbox_deliverability_events_account' })
  account?: Account;
  @Column({ name: 'mailbox_id', type: 'uuid' }) mailboxId: string;
  @ManyToOne(() => Mailbox, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'fk_mailbox_deliverability_events_mailbox' })
  mailbox?: Mailbox;
  @Column({ name: 'inbound_message_id', type: 'uuid', nullable: true }) inboundMessageId: string | null;
  @ManyToOne(() => InboundMessage, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'inbound_message_id', foreignKeyConstraintName: 'fk_mailbox_deliverability_events_inbound' })
  inboundMessage?: InboundMessage;
  /** A sender-side bounce reason (BounceReason), e.g. blocked_reputation. */
  @Column({ type: 'text' }) reason: string;
  @Column({ name: 'occurred_at', type: 'timestamptz', default: () => 'now()' }) occurredAt: Date;
}
