import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';

export type UserRole = 'owner' | 'member';

/** A sales rep of an account. */
@Entity({ name: 'users' })
@Index('uq_users_account_email', ['accountId', 'email'], { unique: true })
export class User {
  @IdColumn('users') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_users_account' })
  account?: Account;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text', default: '' }) name: string;
  @Column({ type: 'text', default: 'member' }) role: UserRole;
  /** When the user proved they read this address (a sign-up's or an invitation's token); null: never. */
  @Column({ name: 'email_verified_at', type: 'timestamptz', nullable: true }) emailVerifiedAt: Date | null;
  @CreatedAt() createdAt: Date;
}
