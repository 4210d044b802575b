import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { hashOneTimeToken, newOneTimeToken } from '@relance/crypto/one-time-token';
import type { Invitation } from '@relance/db/entities/invitation.entity';
import { AccountRepository } from '@relance/db/repositories/account.repository';
import { InvitationRepository } from '@relance/db/repositories/invitation.repository';
import type { Page } from '@relance/db/repositories/keyset-page';
import { UserRepository } from '@relance/db/repositories/user.repository';
import { DomainError } from '@relance/errors';
import { AuditTrail } from '@relance/privacy/audit-trail';
import type { AuthContext } from '../common/api-request';
import { foundPage, type PageQuery, pageRequest } from '../common/page-query';
import { PublicRateLimiter } from '../rate-limits/public-rate-limiter';
import { AccountMailer } from '../signups/account-mailer';
import { tokenProblem } from '../signups/token-problems';
import type { CreateInvitationDto } from './dto/invitation.dto';
import { TeamAccess } from './team-access';

/** Owners invite people by email; the mailed single-use token makes them a user with a first key. */
@Injectable()
export class InvitationsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(InvitationRepository) private readonly invitations: InvitationRepository,
    @Inject(UserRepository) private readonly users: UserRepository,
    @Inject(AccountRepository) private readonly accounts: AccountRepository,
    @Inject(TeamAccess) private readonly access: TeamAccess,
    @Inject(AccountMailer) private readonly mailer: AccountMailer,
    @Inject(PublicRateLimiter) private readonly limits: PublicRateLimiter,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  /** Invites an address, or renews its pending invitation with a new token (the old one stops working). */
  async invite(auth: AuthContext, input: CreateInvitationDto): Promise<Invitation> {
    const caller = await this.access.owner(auth);
    if (await this.users.emailTaken(auth.accountId, input.email)) {
      throw new DomainError('conflict', 'This address is already a user of the account', { field: 'email' });
    }
    const { token, tokenHash } = newOneTimeToken();
    const invitation = await this.invitations.upsert({
      accountId: auth.accountId, email: input.email, role: input.role, invitedByUserId: caller.userId,
      tokenHash, expiresAt: new Date(Date.now() + this.config.signups.invitationTtlMs),
    });
    await this.audit.record({
      actor: { kind: 'api_key', id: caller.apiKeyId }, action: 'invitation.created', target: { type: 'invitation', id: invitation.id },
      accountId: auth.accountId, details: { byUserId: caller.userId, role: input.role },
    });
    await this.mailer.sendInvitation(input.email, (await this.accounts.accountName(auth.accountId)) ?? '', token);
    return invitation;
  }

  async list(auth: AuthContext, query: PageQuery): Promise<Page<Invitation>> {
    await this.access.owner(auth);
    return foundPage(await this.invitations.listPage(auth.accountId, pageRequest(query)), 'an invitation of this account');
  }

  async withdraw(auth: AuthContext, id: string): Promise<void> {
    const caller = await this.access.owner(auth);
    if (!(await this.invitations.deleteInAccount(auth.accountId, id))) throw DomainError.notFound('invitation', id, 'id');
    await this.audit.record({
      actor: { kind: 'api_key', id: caller.apiKeyId }, action: 'invitation.withdrawn', target: { type: 'invitation', id },
      accountId: auth.accountId, details: { byUserId: caller.userId },
    });
  }

  async accept(token: string, name: string, clientIp: string) {
    await this.limits.consume('invitation', clientIp);
    const result = await this.invitations.accept(hashOneTimeToken(token), name.trim(), new Date());
    if (result.outcome === 'already_member') {
      throw new DomainError('conflict', 'This address is already a user of the account: use your own key');
    }
    if (result.outcome !== 'accepted') throw tokenProblem('invitation', result.outcome);
    await this.audit.record({
      actor: { kind: 'user', id: result.userId }, action: 'invitation.accepted', target: { type: 'invitation', id: result.invitationId },
      accountId: result.accountId, details: { userId: result.userId, apiKeyId: result.created.apiKey.id },
    });
    return result;
  }
}
