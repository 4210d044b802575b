import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { ApiRequest, StaffContext } from '../common/api-request';

/** The staff member calling, set by StaffTokenGuard: who the audit trail names as the actor. */
export const CurrentStaff = createParamDecorator((_data: unknown, context: ExecutionContext): StaffContext => {
  const staff = context.switchToHttp().getRequest<ApiRequest>().staff;
  // Only reachable on a route without @StaffRoles by mistake: fail loudly rather than unattributed.
  if (!staff) throw new Error('CurrentStaff used on a route without staff token authentication');
  return staff;
});
