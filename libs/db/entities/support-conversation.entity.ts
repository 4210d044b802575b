import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';

/**
 * A conversation between a customer and support; its messages are SupportMessage rows.
 * Attached to an account, it is deleted SUPPORT_CONVERSATION_RETENTION (90 days) after the
 * account's deletion (it outlives the purge on the account's tombstone). Unattached (opened by
 * staff from an e-mail, `contactEmail` the address to answer), it is deleted the same duration
 * after its last message.
 */
@Entity({ name: 'support_conversations' })
export class SupportConversation {
  @IdColumn('support_conversations') id: string;
  @Index('ix_support_conversations_account')
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_support_conversations_account' })
  account?: Account;
  @Column({ type: 'text' }) subject: string;
  /** Where replies go while no account is attached (a conversation staff opened from an e-mail). */
  @Column({ name: 'contact_email', type: 'text', nullable: true }) contactEmail: string | null;
  @Index('ix_support_conversations_last_message')
  @Column({ name: 'last_message_at', type: 'timestamptz', default: () => 'now()' }) lastMessageAt: Date;
  @CreatedAt() createdAt: Date;
}
