import type { StaffRole, StaffUser } from '@relance/db/entities/staff-user.entity';

/** What the console keeps of a signed-in member in their (server-side) session. */
export interface ConsoleUser {
  id: string;
  /** AdminJS shows it in its top bar; the session store keeps it on the server only. */
  email: string;
  title: string;
  role: StaffRole;
}

export function consoleUser(user: StaffUser): ConsoleUser {
  return { id: user.id, email: user.email, title: user.displayName, role: user.role };
}

/** The member of a request's session, or undefined when there is none (or it is malformed). */
export function sessionUser(session: unknown): ConsoleUser | undefined {
  const user = (session as { adminUser?: ConsoleUser } | undefined)?.adminUser;
  return user && typeof user.id === 'string' && typeof user.role === 'string' ? user : undefined;
}
