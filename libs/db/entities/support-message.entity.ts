import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAt, IdColumn } from './columns';
import { StaffUser } from './staff-user.entity';
import { SupportConversation } from './support-conversation.entity';
import { User } from './user.entity';

/**
 * One message of a support conversation. Its author is a customer's user or a staff member;
 * neither when the author is gone, or when staff pasted in an e-mail from outside.
 */
@Entity({ name: 'support_messages' })
@Check('ck_support_messages_one_author', `"author_user_id" IS NULL OR "author_staff_id" IS NULL`)
@Index('ix_support_messages_conversation', ['conversationId', 'createdAt'])
export class SupportMessage {
  @IdColumn('support_messages') id: string;
  @Column({ name: 'conversation_id', type: 'uuid' }) conversationId: string;
  @ManyToOne(() => SupportConversation, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'conversation_id', foreignKeyConstraintName: 'fk_support_messages_conversation' })
  conversation?: SupportConversation;
  @Index('ix_support_messages_user')
  @Column({ name: 'author_user_id', type: 'uuid', nullable: true }) authorUserId: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_user_id', foreignKeyConstraintName: 'fk_support_messages_user' })
  authorUser?: User;
  @Index('ix_support_messages_staff')
  @Column({ name: 'author_staff_id', type: 'uuid', nullable: true }) authorStaffId: string | null;
  @ManyToOne(() => StaffUser, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'author_staff_id', foreignKeyConstraintName: 'fk_support_messages_staff' })
  authorStaff?: StaffUser;
  @Column({ type: 'text' }) body: string;
  @CreatedAt() createdAt: Date;
}
