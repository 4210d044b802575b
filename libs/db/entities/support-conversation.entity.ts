import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';

/**
 * A conversation a customer had with support (minimal for now: the console will grow it).
 * Deleted SUPPORT_CONVERSATION_RETENTION (90 days) after its account's deletion.
 */
@Entity({ name: 'support_conversations' })
export class SupportConversation {
  @IdColumn('support_conversations') id: string;
  @Index('ix_support_conversations_account')
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_support_conversations_account' })
  account?: Account;
  @Column({ type: 'text' }) subject: string;
  @Column({ type: 'text' }) body: string;
  @CreatedAt() createdAt: Date;
}
