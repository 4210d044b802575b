import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { DomainError } from '@relance/errors';
import { type SystemMail, SystemMailer } from '@relance/privacy/requests/system-mailer';
import { invitationMail, readableDuration, signupMail } from './account-mails';

/** Mails sign-up and invitation tokens from Relance's own mailbox; a failure is a 503 to retry. */
@Injectable()
export class AccountMailer {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SystemMailer) private readonly mailer: SystemMailer,
  ) {}

  sendSignup(to: string, accountName: string, token: string): Promise<void> {
    const validFor = readableDuration(this.config.signups.signupTokenTtlMs);
    return this.send(signupMail({ to, accountName, token, apiUrl: this.config.api.publicUrl, validFor }), 'confirmation');
  }

  sendInvitation(to: string, accountName: string, token: string): Promise<void> {
    const validFor = readableDuration(this.config.signups.invitationTtlMs);
    return this.send(invitationMail({ to, accountName, token, apiUrl: this.config.api.publicUrl, validFor }), 'invitation');
  }

  private async send(mail: SystemMail, what: string): Promise<void> {
    try {
      await this.mailer.send(mail);
    } catch {
      // SystemMailer's message is already redacted; the caller needs only to know to retry.
      throw new DomainError('unavailable', `The ${what} mail could not be sent: try again later (the last token sent replaces the others)`);
    }
  }
}
