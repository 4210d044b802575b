import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Mailbox, SentCopy } from '../entities/mailbox.entity';
import { MailboxSecret } from '../entities/mailbox-secret.entity';
import type { SealedSecret } from '../../crypto';

@Injectable()
export class MailboxRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Inserts the mailbox and its sealed credentials together: never one without the other. */
  async createWithSecret(mailbox: Partial<Mailbox> & { id: string }, secret: SealedSecret): Promise<Mailbox> {
    return this.dataSource.transaction(async (manager) => {
      const saved = await manager.getRepository(Mailbox).save(manager.getRepository(Mailbox).create(mailbox));
      await manager.getRepository(MailboxSecret).insert({ mailboxId: saved.id, ...secret });
      return saved;
    });
  }

  findForAccount(accountId: string, id: string): Promise<Mailbox | null> {
    return this.dataSource.getRepository(Mailbox).findOneBy({ accountId, id });
  }

  listForAccount(accountId: string): Promise<Mailbox[]> {
    return this.dataSource.getRepository(Mailbox).find({ where: { accountId }, order: { createdAt: 'ASC' } });
  }

  /** True when the account already has a mailbox for this (normalised) address. */
  async existsWithEmail(accountId: string, email: string): Promise<boolean> {
    return this.dataSource.getRepository(Mailbox).existsBy({ accountId, email });
  }

  findById(id: string): Promise<Mailbox | null> {
    return this.dataSource.getRepository(Mailbox).findOneBy({ id });
  }

  findSecret(mailboxId: string): Promise<MailboxSecret | null> {
    return this.dataSource.getRepository(MailboxSecret).findOneBy({ mailboxId });
  }

  async listIds(): Promise<string[]> {
    const rows = await this.dataSource.getRepository(Mailbox).find({ select: { id: true } });
    return rows.map((row) => row.id);
  }

  async saveSentCopy(mailboxId: string, sentCopy: SentCopy): Promise<void> {
    await this.dataSource.getRepository(Mailbox).update({ id: mailboxId }, { sentCopy });
  }

  /**
   * Points a mailbox at servers that moved (npm start's demo mail servers, when a port they
   * used is taken); logins and passwords stay as they are.
   */
  async moveServers(id: string, servers: { smtpHost: string; smtpPort: number; imapHost: string; imapPort: number }): Promise<void> {
    await this.dataSource.getRepository(Mailbox).update({ id }, servers);
  }

  async saveSyncState(
    mailboxId: string,
    state: { imapUidValidity?: string; imapLastUid?: number; syncError: string | null },
  ): Promise<void> {
    await this.dataSource.getRepository(Mailbox).update({ id: mailboxId }, { ...state, lastSyncedAt: new Date() });
  }
}
