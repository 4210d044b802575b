import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { CreatedAt, IdColumn } from './columns';
import { StaffUser } from './staff-user.entity';

/** A staff token: only its SHA-256 is stored; the token itself is printed once, when issued. */
@Entity({ name: 'staff_tokens' })
export class StaffToken {
  @IdColumn('staff_tokens') id: string;
  @Index('ix_staff_tokens_staff_user')
  @Column({ name: 'staff_user_id', type: 'uuid' }) staffUserId: string;
  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_user_id', foreignKeyConstraintName: 'fk_staff_tokens_staff_user' })
  staffUser?: StaffUser;
  @Index('uq_staff_tokens_hash', { unique: true })
  @Column({ name: 'token_hash', type: 'text' }) tokenHash: string;
  @CreatedAt() createdAt: Date;
  @Column({ name: 'last_used_at', type: 'timestamptz', nullable: true }) lastUsedAt: Date | null;
  @Column({ name: 'revoked_at', type: 'timestamptz', nullable: true }) revokedAt: Date | null;
}
