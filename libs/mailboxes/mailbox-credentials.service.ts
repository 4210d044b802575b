import { Inject, Injectable } from '@nestjs/common';
import { Vault } from '@relance/crypto';
import { Mailbox, MailboxSecretRepository } from '@relance/db';
import type { ImapSettings, SmtpSettings } from '@relance/mail';

/** What the vault holds for a mailbox, sealed with the mailbox id as context. */
export interface MailboxPasswords {
  smtpPassword: string;
  imapPassword: string;
}

/** Opens a mailbox's sealed passwords, only at the moment SMTP or IMAP needs them. */
@Injectable()
export class MailboxCredentials {
  constructor(
    @Inject(MailboxSecretRepository) private readonly secrets: MailboxSecretRepository,
    @Inject(Vault) private readonly vault: Vault,
  ) {}

  static seal(vault: Vault, mailboxId: string, passwords: MailboxPasswords) {
    return vault.seal(JSON.stringify(passwords), mailboxId);
  }

  async smtp(mailbox: Mailbox): Promise<SmtpSettings> {
    const passwords = await this.passwords(mailbox.id);
    return {
      host: mailbox.smtpHost, port: mailbox.smtpPort, secure: mailbox.smtpSecure,
      username: mailbox.smtpUsername, password: passwords.smtpPassword,
    };
  }

  async imap(mailbox: Mailbox): Promise<ImapSettings> {
    const passwords = await this.passwords(mailbox.id);
    return {
      host: mailbox.imapHost, port: mailbox.imapPort, secure: mailbox.imapSecure,
      username: mailbox.imapUsername, password: passwords.imapPassword,
    };
  }

  private async passwords(mailboxId: string): Promise<MailboxPasswords> {
    const secret = await this.secrets.find(mailboxId);
    if (!secret) throw new Error(`mailbox ${mailboxId} has no credentials in the vault`);
    return JSON.parse(this.vault.open(secret, mailboxId)) as MailboxPasswords;
  }
}
