import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { newOneTimeToken } from '@relance/crypto/one-time-token';
import { InvitationRepository } from '@relance/db/repositories/invitation.repository';
import { AuditTrail } from '@relance/privacy/audit-trail';
import type { StaffContext } from '../common/api-request';
import { AccountMailer } from './account-mailer';
import type { CreateStaffAccountDto, StaffCreatedAccountDto } from './dto/signup.dto';

/**
 * Accounts staff open for a customer (a contract signed offline): the account and its owner
 * exist at once, and the owner is mailed an invitation that gives them their first key.
 */
@Injectable()
export class StaffAccountsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(InvitationRepository) private readonly invitations: InvitationRepository,
    @Inject(AccountMailer) private readonly mailer: AccountMailer,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async create(staff: StaffContext, input: CreateStaffAccountDto): Promise<StaffCreatedAccountDto> {
    const { token, tokenHash } = newOneTimeToken();
    const accountName = input.accountName.trim();
    const { accountId, ownerId, invitation } = await this.invitations.createAccountWithInvitedOwner({
      accountName, ownerEmail: input.ownerEmail, ownerName: input.ownerName.trim(), tokenHash,
      expiresAt: new Date(Date.now() + this.config.signups.invitationTtlMs),
    });
    await this.audit.record({
      actor: { kind: 'staff', id: staff.staffUserId }, action: 'account.created', target: { type: 'account', id: accountId },
      accountId, details: { via: 'staff', ownerId, invitationId: invitation.id },
    });
    await this.mailer.sendInvitation(input.ownerEmail, accountName, token);
    return { accountId, ownerId, invitationId: invitation.id, invitationExpiresAt: invitation.expiresAt };
  }
}
