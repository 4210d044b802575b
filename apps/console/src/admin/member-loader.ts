import type { StaffRepository } from '@relance/db/repositories/staff.repository';
import { consoleUser } from './console-user';
import type { ConsoleRequest, ConsoleResponse, Next } from './http-types';

/**
 * Reads the signed-in member afresh on every request: a member disabled since signing in is
 * signed out at once, and a changed role applies at the next click. The member is set on the
 * session where AdminJS looks for it (`adminUser`), non-enumerable so that it is never stored.
 */
export function memberLoader(staff: StaffRepository) {
  return (request: ConsoleRequest, _response: ConsoleResponse, next: Next) => {
    const staffUserId = request.session?.staffUserId;
    if (typeof staffUserId !== 'string') return next();
    staff.findById(staffUserId).then((user) => {
      if (!user || user.disabledAt) return request.session.destroy(() => next());
      Object.defineProperty(request.session, 'adminUser', { value: consoleUser(user), enumerable: false, configurable: true, writable: true });
      next();
    }, next);
  };
}
