import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Account } from './account.entity';
import { SubprocessorChange } from './subprocessor-change.entity';
import { User } from './user.entity';

/** An account owner who asked to be mailed every change of the subprocessor registry. */
@Entity({ name: 'subprocessor_notice_subscriptions' })
export class SubprocessorNoticeSubscription {
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_subprocessor_notice_subscriptions' }) userId: string;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_subprocessor_notice_subscriptions_user' })
  user?: User;
  @Index('ix_subprocessor_notice_subscriptions_account')
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_subprocessor_notice_subscriptions_account' })
  account?: Account;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/** One notice mailed: a retried notice workflow skips the owners it already mailed about that change. */
@Entity({ name: 'subprocessor_notice_sends' })
@Index('ix_subprocessor_notice_sends_user', ['userId'])
export class SubprocessorNoticeSend {
  @PrimaryColumn({ name: 'change_id', type: 'uuid', primaryKeyConstraintName: 'pk_subprocessor_notice_sends' }) changeId: string;
  @PrimaryColumn({ name: 'user_id', type: 'uuid', primaryKeyConstraintName: 'pk_subprocessor_notice_sends' }) userId: string;
  @ManyToOne(() => SubprocessorChange, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'change_id', foreignKeyConstraintName: 'fk_subprocessor_notice_sends_change' })
  change?: SubprocessorChange;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_subprocessor_notice_sends_user' })
  user?: User;
  @Column({ name: 'sent_at', type: 'timestamptz', default: () => 'now()' }) sentAt: Date;
}
