import type { UserRole } from '../entities/user.entity';

/** Why a user cannot be removed from their account, or null when they can. */
export type RemovalProblem = 'not_found' | 'last_owner';

/**
 * An account always keeps an owner: someone must be able to manage its users, keys and closure.
 * `members` are every user of the account, read under lock.
 */
export function removalProblem(members: readonly { id: string; role: UserRole }[], userId: string): RemovalProblem | null {
  const user = members.find((member) => member.id === userId);
  if (!user) return 'not_found';
  if (user.role === 'owner' && !members.some((member) => member.role === 'owner' && member.id !== userId)) return 'last_owner';
  return null;
}
