import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';

/**
 * A sign-up waiting for its address to be confirmed. One per address (signing up again replaces
 * the token); the mailed token itself is never stored, only its SHA-256.
 */
@Entity({ name: 'signup_requests' })
export class SignupRequest {
  @IdColumn('signup_requests') id: string;
  @Column({ type: 'text' }) email: string;
  /** Keyed hash of the address (SUPPRESSION_HASH_KEY): one request per address, and found by erasure. */
  @Index('uq_signup_requests_email_hash', { unique: true })
  @Column({ name: 'email_hash', type: 'text' }) emailHash: string;
  @Column({ type: 'text' }) name: string;
  @Column({ name: 'account_name', type: 'text' }) accountName: string;
  @Index('uq_signup_requests_token_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @Column({ name: 'verified_at', type: 'timestamptz', nullable: true }) verifiedAt: Date | null;
  /** The account the confirmed sign-up made; the row goes with it. */
  @Index('ix_signup_requests_account')
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_signup_requests_account' })
  account?: Account;
  @CreatedAt() createdAt: Date;
}
