import { Check, Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn } from './columns';

/** What a staff member may do: support handles requests, operators run the system, admins both and staff. */
export const STAFF_ROLES = ['support', 'operator', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

/**
 * A member of Relance's own staff (not a customer's rep): created by `npm run staff`, signs in
 * with a staff token (the console will add a password on top of the same row). Disabled, not
 * deleted: the audit trail keeps naming it.
 */
@Entity({ name: 'staff_users' })
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
}
