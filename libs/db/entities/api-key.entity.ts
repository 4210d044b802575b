import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';
import { User } from './user.entity';

/** An API key: only its SHA-256 is stored; the key itself is shown once, at creation. */
@Entity({ name: 'api_keys' })
// A closing account's purge deletes by account (AccountLifecycle1764308500000).
@Index('ix_api_keys_account', ['accountId'])
export class ApiKey {
  @IdColumn('api_keys') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_api_keys_account' })
  account?: Account;
  // Removing a user revokes their keys by user.
  @Index('ix_api_keys_user')
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_api_keys_user' })
  user?: User;
  @Column({ type: 'text' }) name: string;
  /** The first characters of the key, so people can tell their keys apart. */
  @Column({ type: 'text' }) prefix: string;
  @Index('uq_api_keys_hash', { unique: true })
  @Column({ name: 'key_hash', type: 'text' }) keyHash: string;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
  @CreatedAt() createdAt: Date;
}
