import { Inject, Injectable } from '@nestjs/common';
import type { ApiKey } from '@relance/db/entities/api-key.entity';
import { AccountRepository, type CreatedApiKey } from '@relance/db/repositories/account.repository';
import type { Page } from '@relance/db/repositories/keyset-page';
import { DomainError } from '@relance/errors';
import { AuditTrail } from '@relance/privacy/audit-trail';
import type { AuthContext } from '../common/api-request';
import { foundPage, type PageQuery, pageRequest } from '../common/page-query';
import { type TeamCaller, TeamAccess } from '../users/team-access';

/**
 * A user's API keys: each belongs to one account and one user. Members see and revoke only their
 * own (another's key is as unknown to them as another account's: 404); owners all of the account's.
 */
@Injectable()
export class ApiKeysService {
  constructor(
    @Inject(AccountRepository) private readonly accounts: AccountRepository,
    @Inject(TeamAccess) private readonly access: TeamAccess,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  /** A new key for the caller's own user. */
  async create(auth: AuthContext, name: string): Promise<CreatedApiKey> {
    const caller = await this.access.caller(auth);
    const created = await this.accounts.createApiKey(auth.accountId, caller.userId, name.trim());
    await this.audit.record({
      actor: { kind: 'api_key', id: caller.apiKeyId }, action: 'api_key.created', target: { type: 'api_key', id: created.apiKey.id },
      accountId: auth.accountId, details: { userId: caller.userId },
    });
    return created;
  }

  async list(auth: AuthContext, query: PageQuery): Promise<Page<ApiKey>> {
    const caller = await this.access.caller(auth);
    return foundPage(await this.accounts.listKeys(auth.accountId, visibleUser(caller), pageRequest(query)), 'an API key you can see');
  }

  /** Revokes a key: the next request made with it is refused (the guard looks keys up on every request). */
  async revoke(auth: AuthContext, id: string): Promise<void> {
    const caller = await this.access.caller(auth);
    const key = await this.accounts.findKey(auth.accountId, id);
    const only = visibleUser(caller);
    if (!key || (only !== null && key.userId !== only)) throw DomainError.notFound('API key', id, 'id');
    if (!(await this.accounts.revokeApiKey(auth.accountId, id))) throw new DomainError('conflict', `API key ${id} is already revoked`);
    await this.audit.record({
      actor: { kind: 'api_key', id: caller.apiKeyId }, action: 'api_key.revoked', target: { type: 'api_key', id },
      accountId: auth.accountId, details: { byUserId: caller.userId, keyUserId: key.userId },
    });
  }
}

/** Whose keys the caller may see: everyone's (null) for an owner, their own for a member. */
function visibleUser(caller: TeamCaller): string | null {
  return caller.role === 'owner' ? null : caller.userId;
}
