import { Inject, Injectable } from '@nestjs/common';
import type { User } from '@relance/db/entities/user.entity';
import type { Page } from '@relance/db/repositories/keyset-page';
import { UserRepository } from '@relance/db/repositories/user.repository';
import { DomainError } from '@relance/errors';
import { AuditTrail } from '@relance/privacy/audit-trail';
import type { AuthContext } from '../common/api-request';
import { foundPage, type PageQuery, pageRequest } from '../common/page-query';
import { TeamAccess } from './team-access';

/** The account's users: everyone in it may see them; owners remove them. */
@Injectable()
export class UsersService {
  constructor(
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(TeamAccess) private readonly access: TeamAccess,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async list(auth: AuthContext, query: PageQuery): Promise<Page<User>> {
    await this.access.caller(auth);
    return foundPage(await this.users.listPage(auth.accountId, pageRequest(query)), 'a user of this account');
  }

  /** Removes a user and revokes their keys at once; the account's last owner stays. */
  async remove(auth: AuthContext, userId: string): Promise<void> {
    const caller = await this.access.owner(auth);
    const result = await this.users.remove(auth.accountId, userId);
    if (result.problem === 'not_found') throw DomainError.notFound('user', userId, 'id');
    if (result.problem !== null) {
      throw new DomainError('conflict', 'This user is the account\'s last owner: invite another owner first (POST /v1/invitations with role owner), or close the account');
    }
    await this.audit.record({
      actor: { kind: 'api_key', id: caller.apiKeyId }, action: 'user.removed', target: { type: 'user', id: userId },
      accountId: auth.accountId, details: { byUserId: caller.userId, revokedKeys: result.revokedKeys },
    });
  }
}
