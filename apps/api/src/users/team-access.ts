import { Inject, Injectable } from '@nestjs/common';
import type { UserRole } from '@relance/db/entities/user.entity';
import { UserRepository } from '@relance/db/repositories/user.repository';
import { DomainError } from '@relance/errors';
import type { AuthContext } from '../common/api-request';

/** The caller of a users, invitations or keys route: their key, and the user it belongs to. */
export interface TeamCaller extends AuthContext {
  readonly userId: string;
  readonly role: UserRole;
}

/**
 * Who may manage the account's people and keys: owners everything, members their own keys.
 * A key that belongs to no user (made by a script for the account) manages nothing here.
 */
@Injectable()
export class TeamAccess {
  constructor(@Inject(UserRepository) private readonly users: UserRepository) {}

  async caller(auth: AuthContext): Promise<TeamCaller> {
    const user = auth.userId ? await this.users.findInAccount(auth.accountId, auth.userId) : null;
    if (!user) throw new DomainError('forbidden', 'This API key belongs to no user of the account: use a user\'s key');
    return { ...auth, userId: user.id, role: user.role };
  }

  async owner(auth: AuthContext): Promise<TeamCaller> {
    const caller = await this.caller(auth);
    if (caller.role !== 'owner') throw new DomainError('forbidden', 'Only an owner of the account can manage its users and invitations');
    return caller;
  }
}
