import type { StaffRole } from '@relance/db/entities/staff-user.entity';

/**
 * Who may open what in the console, in one table: AdminJS's own `isAccessible` and the
 * router's guard (which answers 403 before AdminJS sees the request) both read it, so a
 * screen hidden from a role's menu is also closed to it by direct URL.
 */
export const RESOURCE_ROLES: Readonly<Record<string, readonly StaffRole[]>> = {
  privacy_requests: ['support', 'admin'],
  prospects: ['support', 'admin'],
  accounts: ['support', 'admin'],
  support_conversations: ['support', 'admin'],
  users: ['support', 'admin'],
  audit_events: ['support', 'operator', 'admin'],
  staff_users: ['admin'],
  subprocessors: ['admin'],
};

export const PAGE_ROLES: Readonly<Record<string, readonly StaffRole[]>> = {
  operations: ['operator', 'admin'],
};

/** Whether `role` may use `resourceId` (unknown resources: admins only). */
export function mayUseResource(role: StaffRole, resourceId: string): boolean {
  return (RESOURCE_ROLES[resourceId] ?? ['admin']).includes(role);
}

export function mayOpenPage(role: StaffRole, pageName: string): boolean {
  return (PAGE_ROLES[pageName] ?? ['admin']).includes(role);
}

/**
 * The resource or page a console path (below the root path) names, for the guard: both the
 * screens (/resources/x/…, /pages/x) and the API they call (/api/resources/x/…, /api/pages/x).
 */
export function targetOf(path: string): { kind: 'resource' | 'page'; name: string } | null {
  const match = /^\/(?:api\/)?(resources|pages)\/([^/?#]+)/.exec(path);
  if (!match) return null;
  return { kind: match[1] === 'resources' ? 'resource' : 'page', name: decodeURIComponent(match[2]) };
}

/** Whether `role` may open the console `path`; paths naming no resource or page (home, assets) are open to all staff. */
export function mayOpenPath(role: StaffRole, path: string): boolean {
  const target = targetOf(path);
  if (!target) return true;
  return target.kind === 'resource' ? mayUseResource(role, target.name) : mayOpenPage(role, target.name);
}
