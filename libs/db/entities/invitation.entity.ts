import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';
import { User, type UserRole } from './user.entity';

/**
 * An invitation to join an account, waiting to be accepted (accepted ones are deleted: the user
 * exists then). Only the SHA-256 of the mailed token is stored.
 */
@Entity({ name: 'invitations' })
@Index('uq_invitations_account_email', ['accountId', 'email'], { unique: true })
export class Invitation {
  @IdColumn('invitations') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_invitations_account' })
  account?: Account;
  @Column({ type: 'text' }) email: string;
  @Column({ type: 'text' }) role: UserRole;
  /** Set when the invitation sets up a user who exists already (the owner of an account staff created). */
  @Index('ix_invitations_user')
  @Column({ name: 'user_id', type: 'uuid', nullable: true }) userId: string | null;
  @ManyToOne(() => User, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'user_id', foreignKeyConstraintName: 'fk_invitations_user' })
  user?: User;
  /** The owner who invited; null when staff did, or once that user is removed. */
  @Index('ix_invitations_invited_by')
  @Column({ name: 'invited_by_user_id', type: 'uuid', nullable: true }) invitedByUserId: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'invited_by_user_id', foreignKeyConstraintName: 'fk_invitations_invited_by' })
  invitedBy?: User;
  @Index('uq_invitations_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @CreatedAt() createdAt: Date;
}
