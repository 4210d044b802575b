import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { CreatedAt } from './columns';
import { StaffUser } from './staff-user.entity';

/**
 * A signed-in staff console session: the member's id and the cookie's settings, nothing about
 * the person (the console reads the member afresh on each request, so disabling them, or
 * changing their role, takes effect at once). Deleted with the member; expired rows are purged.
 */
@Entity({ name: 'console_sessions' })
export class ConsoleSession {
  /** express-session's random id (the cookie carries it signed with CONSOLE_SESSION_SECRET). */
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_console_sessions' }) sid: string;
  @Index('ix_console_sessions_staff_user')
  @Column({ name: 'staff_user_id', type: 'uuid' }) staffUserId: string;
  @ManyToOne(() => StaffUser, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'staff_user_id', foreignKeyConstraintName: 'fk_console_sessions_staff_user' })
  staffUser?: StaffUser;
  /** The session cookie's settings (expiry, flags), as express-session restores them. */
  @Column({ type: 'jsonb' }) cookie: Record<string, unknown>;
  @Index('ix_console_sessions_expires')
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
  @CreatedAt() createdAt: Date;
}
