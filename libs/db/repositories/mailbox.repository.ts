import { Inject, Injectable, Optional } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { Mailbox, SentCopy } from '../entities/mailbox.entity';
import { entityFromRow } from './entity-rows';
import { keysetPage, type Page } from './keyset-page';
import { MailboxSecretRepository } from './mailbox-secret.repository';
import type { SealedSecret } from '@relance/crypto';
import type { PaceState } from '@relance/scheduling';

/** A time-zone change's effect on the mailbox's day count, decided outside (see paceAfterZoneChange). */
export interface PaceRebase {
  /** When the new zone's today began: the outbox's sends since then count in it. */
  newDayBegan: Date;
  rebase(state: PaceState, sentSinceNewDayBegan: number): PaceState | null;
}

@Injectable()
export class MailboxRepository {
  /**
   * `secrets`: the vault's repository, for the methods that write credentials along with the
   * mailbox; scripts and tests that only read or move mailboxes construct this without it.
   */
  constructor(
    private readonly dataSource: DataSource,
    @Optional() @Inject(MailboxSecretRepository) private readonly secrets?: MailboxSecretRepository,
  ) {}

  /**
   * Inserts the mailbox and its sealed credentials, never one without the other, across two
   * databases: the credentials first, then the mailbox; when the mailbox cannot be inserted, its
   * credentials are removed again. (A crash in between leaves sealed bytes that no mailbox names.)
   */
  async createWithSecret(mailbox: Partial<Mailbox> & { id: string }, secret: SealedSecret): Promise<Mailbox> {
    const secrets = this.vault();
    await secrets.insert(mailbox.id, secret);
    try {
      return await this.dataSource.getRepository(Mailbox).save(this.dataSource.getRepository(Mailbox).create(mailbox));
    } catch (error) {
      await secrets.remove(mailbox.id).catch(() => undefined);
      throw error;
    }
  }

  findForAccount(accountId: string, id: string): Promise<Mailbox | null> {
    return this.dataSource.getRepository(Mailbox).findOneBy({ accountId, id });
  }

  /**
   * The account's mailboxes, oldest first, `limit` at a time after the mailbox `afterId`.
   * Null when `afterId` is not a mailbox of the account (a stale or forged cursor).
   */
  listPage(accountId: string, options: { limit: number; afterId?: string }): Promise<Page<Mailbox> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT m.* FROM mailboxes m WHERE m.account_id = $1`,
      params: [accountId],
      key: ['created_at', 'id'],
      map: entityFromRow(this.dataSource, Mailbox),
    }, { limit: options.limit, after: options.afterId });
  }

  /** True when the account already has a mailbox for this (normalised) address. */
  async existsWithEmail(accountId: string, email: string): Promise<boolean> {
    return this.dataSource.getRepository(Mailbox).existsBy({ accountId, email });
  }

  findById(id: string): Promise<Mailbox | null> {
    return this.dataSource.getRepository(Mailbox).findOneBy({ id });
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

  /**
   * Records a sync pass of `mailbox` as it was read at the start of the pass: when an edit has
   * since pointed the mailbox at another IMAP account, the pass read the old one and its
   * checkpoint must not overwrite the reset one.
   */
  async saveSyncState(
    mailbox: Pick<Mailbox, 'id' | 'imapHost' | 'imapUsername'>,
    state: { imapUidValidity?: string; imapLastUid?: number; syncError: string | null },
  ): Promise<void> {
    await this.dataSource
      .getRepository(Mailbox)
      .update({ id: mailbox.id, imapHost: mailbox.imapHost, imapUsername: mailbox.imapUsername }, { ...state, lastSyncedAt: new Date() });
  }

  /**
   * An edit in one transaction: the mailbox's columns, its re-sealed credentials when they
   * changed, and on a time-zone change its pace state moved to the new zone's day under the lock
   * every claim takes, so no send is counted on the wrong day meanwhile. The credentials are in
   * the vault's database: they are written last, inside the main transaction, so a vault failure
   * rolls the columns back too.
   */
  async applyEdit(
    mailboxId: string,
    edit: { fields: Partial<Mailbox>; secret?: SealedSecret; rebasePace?: PaceRebase },
  ): Promise<Mailbox> {
    return this.dataSource.transaction(async (manager) => {
      if (edit.rebasePace) await this.rebasePace(manager, mailboxId, edit.rebasePace);
      if (Object.keys(edit.fields).length > 0) await manager.getRepository(Mailbox).update({ id: mailboxId }, edit.fields);
      const updated = await manager.getRepository(Mailbox).findOneByOrFail({ id: mailboxId });
      if (edit.secret) await this.vault().replace(mailboxId, edit.secret);
      return updated;
    });
  }

  private vault(): MailboxSecretRepository {
    if (!this.secrets) throw new Error('MailboxRepository was built without the vault: credentials cannot be written');
    return this.secrets;
  }

  private async rebasePace(manager: EntityManager, mailboxId: string, rebase: PaceRebase): Promise<void> {
    const [row] = await manager.query(
      `SELECT day, day_count, next_send_at, queue_tail_at FROM mailbox_send_state WHERE mailbox_id = $1 FOR UPDATE`,
      [mailboxId],
    );
    // No row, or the placeholder a claim inserts before its first decision: nothing counted yet.
    if (!row?.day) return;
    // Every claim counts its row (claimed_at) whatever becomes of the send, as day_count does.
    const [{ n }] = await manager.query(
      `SELECT count(*)::int AS n FROM messages WHERE mailbox_id = $1 AND claimed_at >= $2`,
      [mailboxId, rebase.newDayBegan],
    );
    const state = rebase.rebase({ day: row.day, dayCount: row.day_count, nextSendAt: row.next_send_at, queueTailAt: row.queue_tail_at }, n);
    if (!state) return;
    await manager.query(`UPDATE mailbox_send_state SET day = $2, day_count = $3 WHERE mailbox_id = $1`, [mailboxId, state.day, state.dayCount]);
  }
}
