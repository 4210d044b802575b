import { Inject, Injectable } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import type { SealedSecret } from '@relance/crypto';
import { MailboxSecret } from '../entities/mailbox-secret.entity';

/** Injection token of the vault database's DataSource (VAULT_DATABASE_URL); only this repository uses it. */
export const VAULT_DATA_SOURCE = Symbol('VAULT_DATA_SOURCE');

/** Sealed mailbox credentials, in the vault's own database: the only queries that reach it. */
@Injectable()
export class MailboxSecretRepository {
  constructor(@Inject(VAULT_DATA_SOURCE) private readonly vault: DataSource) {}

  find(mailboxId: string): Promise<MailboxSecret | null> {
    return this.vault.getRepository(MailboxSecret).findOneBy({ mailboxId });
  }

  async insert(mailboxId: string, secret: SealedSecret): Promise<void> {
    await this.vault.getRepository(MailboxSecret).insert({ mailboxId, ...secret });
  }

  async replace(mailboxId: string, secret: SealedSecret): Promise<void> {
    const result = await this.vault.getRepository(MailboxSecret).update({ mailboxId }, { ...secret });
    if ((result.affected ?? 0) === 0) throw new Error(`mailbox ${mailboxId} has no credentials in the vault to replace`);
  }

  /** Removes a mailbox's credentials; nothing happens when there are none. */
  async remove(mailboxId: string): Promise<void> {
    await this.vault.getRepository(MailboxSecret).delete({ mailboxId });
  }
}
