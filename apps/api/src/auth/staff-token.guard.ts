import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { StaffRole } from '@relance/db/entities/staff-user.entity';
import { hashStaffToken, StaffRepository, STAFF_TOKEN_PATTERN } from '@relance/db/repositories/staff.repository';
import { DomainError } from '@relance/errors';
import type { ApiRequest } from '../common/api-request';
import { bearerToken } from './api-key.guard';
import { STAFF_ROLES_ALLOWED } from './staff-route-metadata';

/** last_used_at tells who still uses a token: once a minute is precise enough. */
const TOUCH_INTERVAL_MS = 60_000;

/**
 * `Authorization: Bearer rl_staff_...` on routes marked @StaffRoles. A customer's API key, a
 * revoked token or a disabled member's token is as unknown as a forged one (401); a valid
 * token of a role the route does not name is 403.
 */
@Injectable()
export class StaffTokenGuard implements CanActivate {
  constructor(
    @Inject(Reflector) private readonly reflector: Reflector,
    @Inject(StaffRepository) private readonly staff: StaffRepository,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<ApiRequest>();
    const token = bearerToken(request.headers.authorization);
    if (token === undefined) throw new DomainError('unauthorized', 'Missing staff token: send Authorization: Bearer <staff token>');
    const session = STAFF_TOKEN_PATTERN.test(token) ? await this.staff.findSession(hashStaffToken(token)) : null;
    if (!session) throw new DomainError('unauthorized', 'Invalid staff token (staff routes accept only a staff token)');
    const roles = this.reflector.getAllAndOverride<StaffRole[]>(STAFF_ROLES_ALLOWED, [context.getHandler(), context.getClass()]) ?? [];
    const { staffUser } = session;
    if (!roles.includes(staffUser.role)) {
      throw new DomainError('forbidden', `This route is for ${roles.join(', ')} staff; your role is ${staffUser.role}`);
    }
    if (!session.tokenLastUsedAt || Date.now() - session.tokenLastUsedAt.getTime() >= TOUCH_INTERVAL_MS) {
      await this.staff.touchToken(session.tokenId, TOUCH_INTERVAL_MS);
    }
    request.staff = { staffUserId: staffUser.id, role: staffUser.role, tokenId: session.tokenId };
    return true;
  }
}
