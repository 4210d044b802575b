import type { StaffLoginConfig } from '@relance/config';
import type { StaffUser } from '@relance/db/entities/staff-user.entity';
import type { StaffRepository } from '@relance/db/repositories/staff.repository';
import { normaliseEmail } from '@relance/mail/email-address';
import type { AuditTrail } from '@relance/privacy/audit-trail';
import { verifyDecoy, verifyStaffPassword } from './staff-password';

export type StaffLoginResult =
  | { ok: true; user: StaffUser }
  /** Unknown address, wrong password, disabled member or no password set: all look the same. */
  | { ok: false; reason: 'invalid' }
  /** Locked out: no password, not even the right one, is checked before `until`. */
  | { ok: false; reason: 'locked'; until: Date };

/** Sign-in attempts are made by nobody known yet: the trail names the member as target only. */
const SYSTEM = { kind: 'system', id: null } as const;
const VIA = { via: 'console' };

/**
 * Password sign-in of staff members, with lockout after `maxFailedLogins` wrong passwords for
 * `lockoutMs` (or until an admin unlocks). Every outcome is audited by member id; the address
 * typed is never recorded, not even for an unknown one.
 */
export class StaffLogin {
  constructor(
    private readonly staff: StaffRepository,
    private readonly audit: AuditTrail,
    private readonly config: StaffLoginConfig,
  ) {}

  async login(email: string, password: string, now = new Date()): Promise<StaffLoginResult> {
    const user = await this.staff.findByEmail(normaliseEmail(email));
    if (!user || user.disabledAt || !user.passwordHash) {
      await verifyDecoy(password);
      const target = user ? { type: 'staff_user', id: user.id } : { type: 'staff_user', id: 'unknown' };
      const why = !user ? 'unknown_email' : user.disabledAt ? 'disabled' : 'no_password';
      await this.audit.record({ actor: SYSTEM, action: 'staff_login.failed', target, details: { ...VIA, why } });
      return { ok: false, reason: 'invalid' };
    }
    const target = { type: 'staff_user', id: user.id };
    if (user.lockedUntil && user.lockedUntil > now) {
      await this.audit.record({ actor: SYSTEM, action: 'staff_login.refused_locked', target, details: VIA });
      return { ok: false, reason: 'locked', until: user.lockedUntil };
    }
    if (await verifyStaffPassword(user.passwordHash, password)) {
      await this.staff.recordSuccessfulLogin(user.id);
      await this.audit.record({ actor: { kind: 'staff', id: user.id }, action: 'staff_login.succeeded', target, details: VIA });
      return { ok: true, user };
    }
    const { lockedUntil, justLocked } = await this.staff.recordFailedLogin(user.id, this.config.maxFailedLogins, this.config.lockoutMs);
    await this.audit.record({ actor: SYSTEM, action: 'staff_login.failed', target, details: { ...VIA, why: 'wrong_password' } });
    if (justLocked && lockedUntil) {
      await this.audit.record({
        actor: SYSTEM, action: 'staff_user.locked_out', target,
        details: { ...VIA, failures: this.config.maxFailedLogins, until: lockedUntil.toISOString() },
      });
      return { ok: false, reason: 'locked', until: lockedUntil };
    }
    return { ok: false, reason: 'invalid' };
  }

  /** An admin (or the command line, `actor` system) lifts a lockout; false when there was none. */
  async unlock(userId: string, actor: { kind: 'staff' | 'system'; id: string | null }, via: string): Promise<boolean> {
    if (!(await this.staff.unlock(userId))) return false;
    await this.audit.record({ actor, action: 'staff_user.unlocked', target: { type: 'staff_user', id: userId }, details: { via } });
    return true;
  }
}
