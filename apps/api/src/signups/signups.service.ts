import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { hashOneTimeToken, newOneTimeToken } from '@relance/crypto/one-time-token';
import { SignupRepository } from '@relance/db/repositories/signup.repository';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { hashEmail } from '@relance/privacy/suppression-keys';
import type { CreatedApiKey } from '@relance/db/repositories/account.repository';
import { PublicRateLimiter } from '../rate-limits/public-rate-limiter';
import { AccountMailer } from './account-mailer';
import type { CreateSignupDto } from './dto/signup.dto';
import { tokenProblem } from './token-problems';

/**
 * Self-service sign-up: a request mails a single-use token to the address, and the token creates
 * the account, its owner and their first key. Every address gets the same answer and the same
 * mail, whether Relance knows it or not, so the route tells nobody who has an account.
 */
@Injectable()
export class SignupsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SignupRepository) private readonly signups: SignupRepository,
    @Inject(AccountMailer) private readonly mailer: AccountMailer,
    @Inject(PublicRateLimiter) private readonly limits: PublicRateLimiter,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async request(input: CreateSignupDto, clientIp: string): Promise<void> {
    await this.limits.consume('sign-up', clientIp, input.email);
    const { token, tokenHash } = newOneTimeToken();
    const signupId = await this.signups.replace({
      email: input.email,
      emailHash: hashEmail(this.config.suppression.hashKey, input.email),
      name: input.name.trim(),
      accountName: input.accountName.trim(),
      tokenHash,
      expiresAt: new Date(Date.now() + this.config.signups.signupTokenTtlMs),
    });
    await this.audit.record({ actor: { kind: 'data_subject', id: null }, action: 'signup.requested', target: { type: 'signup_request', id: signupId } });
    await this.mailer.sendSignup(input.email, input.accountName.trim(), token);
  }

  async verify(token: string, clientIp: string): Promise<{ accountId: string; userId: string; created: CreatedApiKey }> {
    await this.limits.consume('sign-up', clientIp);
    const result = await this.signups.confirm(hashOneTimeToken(token), new Date());
    if (result.outcome !== 'created') throw tokenProblem('sign-up', result.outcome);
    await this.audit.record({
      actor: { kind: 'user', id: result.userId }, action: 'account.created', target: { type: 'account', id: result.accountId },
      accountId: result.accountId, details: { via: 'signup', signupId: result.signupId, ownerId: result.userId, apiKeyId: result.created.apiKey.id },
    });
    return result;
  }
}
