import { Check, Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn } from './columns';

/** What a staff member may do: support handles requests, operators run the system, admins both and staff. */
export const STAFF_ROLES = ['support', 'operator', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * A member of Relance's own staff (not a customer's rep): created by `npm run staff`, signs in
 * with a staff token (the API's staff routes) or a password (the console). Disabled, not
 * deleted: the audit trail keeps naming it.
 */
@Entity({ name: 'staff_users' })
@Check('ck_staff_users_failed_logins', `"failed_logins" >= 0`)
@Check('ck_staff_users_role', `"role" IN ('support', 'operator', 'admin')`)
export class StaffUser {
  @IdColumn('staff_users') id: string;
  /** Normalised (trimmed, lower case); unique among staff. */
  @Index('uq_staff_users_email', { unique: true })
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'display_name', type: 'text' }) displayName: string;
  @Column({ type: 'text' }) role: StaffRole;
  @CreatedAt() createdAt: Date;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  /** argon2id (PHC string) of the console password; null until one is set. */
  @Column({ name: 'password_hash', type: 'text', nullable: true }) passwordHash: string | null;
  /** Wrong passwords since the last success or unlock; the fifth locks the member out. */
  @Column({ name: 'failed_logins', type: 'integer', default: 0 }) failedLogins: number;
  /** No password is accepted before this (STAFF_LOCKOUT after the fifth failure), unless an admin unlocks. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true }) lockedUntil: Date | null;
}
