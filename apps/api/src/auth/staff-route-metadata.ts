/** Marks a staff route: the API key guard leaves it to StaffTokenGuard, which refuses customer keys. */
export const IS_STAFF_ROUTE = 'relance:staff-route';
/** The staff roles a route admits (see @StaffRoles). */
export const STAFF_ROLES_ALLOWED = 'relance:staff-roles';
