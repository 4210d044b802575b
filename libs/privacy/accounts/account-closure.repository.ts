import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import type { AccountClosure, ClosureCertificate } from '@relance/db/entities/account-closure.entity';
import { RUNNING } from '@relance/db/repositories/enrollment-ends';
import { ACCOUNT_PURGE_STEPS, ACCOUNT_TOMBSTONE_SQL, purgeSql } from './purge-plan';

/** Why closure paused a campaign: a reactivation resumes exactly these, and the rep reads it meanwhile. */
export const CLOSING_PAUSE_REASON = 'account_closing';

export type ClosureRequest = { kind: 'requested'; purgeAfter: Date; pausedCampaigns: number } | { kind: 'already_pending'; purgeAfter: Date };
export type ClosureCancel = { kind: 'cancelled'; resumedCampaignIds: string[] } | { kind: 'refused'; status: 'none' | 'cancelled' | 'purged' };

/** What a purge's transaction does around its DELETEs (the vault, files, certificate, audit: given by the service). */
export interface PurgeHooks {
  /** Before the deletes, with the account's mailbox ids: removes their vault secrets, returns how many. */
  removeVaultSecrets(mailboxIds: string[]): Promise<number>;
  /** The account's enrichment provider keys, in the vault too. */
  removeProviderKeys(): Promise<number>;
  /** Removes the account's files (export archives), returns how many. */
  removeFiles(): Promise<number>;
  /** Removes the account's rows from the request-log archives, returns how many. */
  eraseArchivedLogs(): Promise<number>;
  certify(certificate: ClosureCertificate): Promise<string>;
  audit(manager: EntityManager, certificate: ClosureCertificate): Promise<unknown>;
  /** Told how long each table's DELETE took (the benchmark's split). */
  onStatement?(table: string, ms: number): void;
}

export type PurgeOutcome = ({ kind: 'purged' } & PurgeResult) | { kind: 'not_pending' } | { kind: 'not_due'; purgeAfter: Date };

export interface PurgeResult {
  certificate: ClosureCertificate;
  /** Enrollment workflows that were still running (to terminate), and the mailboxes' sync workflows. */
  runningEnrollmentIds: string[];
  mailboxIds: string[];
}

/**
 * An account's closure in the database. The account_closures row, locked, is what decides:
 * a request, a reactivation and the purge each take its lock first, so whichever commits first
 * wins and the others see it (a reactivation at the last moment either keeps everything or is
 * told the purge happened; never half of each).
 */
@Injectable()
export class AccountClosureRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /**
   * Marks the account closing (the send claim refuses it from this commit on) and pauses its
   * running campaigns, with the reason. `beforeCommit` (the workflow's start, the audit) runs in
   * the same transaction: all of it happens or none.
   */
  request(accountId: string, graceMs: number, beforeCommit: (manager: EntityManager, purgeAfter: Date) => Promise<void>): Promise<ClosureRequest> {
    return this.dataSource.transaction(async (manager) => {
      await manager.query(`SELECT id FROM accounts WHERE id = $1 FOR UPDATE`, [accountId]);
      const [current] = await manager.query(
        `SELECT status, purge_after FROM account_closures WHERE account_id = $1 FOR UPDATE`, [accountId],
      );
      if (current?.status === 'pending') return { kind: 'already_pending', purgeAfter: current.purge_after };
      const [row] = await manager.query(
        `INSERT INTO account_closures (account_id, status, requested_at, purge_after)
         VALUES ($1, 'pending', now(), now() + make_interval(secs => $2::double precision / 1000))
         ON CONFLICT (account_id) DO UPDATE SET status = 'pending', requested_at = EXCLUDED.requested_at,
           purge_after = EXCLUDED.purge_after, cancelled_at = NULL
         RETURNING purge_after`,
        [accountId, graceMs],
      );
      await manager.query(`UPDATE accounts SET closing_since = now() WHERE id = $1`, [accountId]);
      const [, paused] = await manager.query(
        `UPDATE campaigns SET status = 'paused', pause_reason = $2, updated_at = now()
         WHERE account_id = $1 AND status IN ('launching', 'active')`,
        [accountId, CLOSING_PAUSE_REASON],
      );
      await beforeCommit(manager, row.purge_after);
      return { kind: 'requested', purgeAfter: row.purge_after, pausedCampaigns: paused };
    });
  }

  /** A reactivation: the closure ends, the account sends again, the campaigns closure paused resume. */
  cancel(accountId: string, beforeCommit: (manager: EntityManager) => Promise<void>): Promise<ClosureCancel> {
    return this.dataSource.transaction(async (manager) => {
      const [current] = await manager.query(`SELECT status FROM account_closures WHERE account_id = $1 FOR UPDATE`, [accountId]);
      if (current?.status !== 'pending') return { kind: 'refused', status: current?.status ?? 'none' };
      await manager.query(`UPDATE account_closures SET status = 'cancelled', cancelled_at = now() WHERE account_id = $1`, [accountId]);
      await manager.query(`UPDATE accounts SET closing_since = NULL WHERE id = $1`, [accountId]);
      const [resumed] = await manager.query(
        `UPDATE campaigns SET status = 'active', pause_reason = NULL, updated_at = now()
         WHERE account_id = $1 AND status = 'paused' AND pause_reason = $2 RETURNING id`,
        [accountId, CLOSING_PAUSE_REASON],
      );
      await beforeCommit(manager);
      return { kind: 'cancelled', resumedCampaignIds: resumed.map((row: { id: string }) => row.id) };
    });
  }

  async find(accountId: string): Promise<AccountClosure | null> {
    const [row] = await this.dataSource.query(`SELECT * FROM account_closures WHERE account_id = $1`, [accountId]);
    return row ? {
      accountId: row.account_id, status: row.status, requestedAt: row.requested_at, purgeAfter: row.purge_after,
      cancelledAt: row.cancelled_at, purgedAt: row.purged_at, certificate: row.certificate, certificateJws: row.certificate_jws,
    } : null;
  }

  /**
   * Purges the account if its closure is still pending and due, in one transaction holding the
   * closure's lock: one DELETE per table in foreign-key order and the account's tombstone, then
   * the vault's secrets and the files, then the certificate. `not_pending`: cancelled, or purged by an earlier attempt;
   * `not_due`: its grace has not ended by the database's clock.
   */
  purge(accountId: string, hooks: PurgeHooks): Promise<PurgeOutcome> {
    return this.dataSource.transaction(async (manager): Promise<PurgeOutcome> => {
      const [closure] = await manager.query(
        `SELECT requested_at, purge_after, now() AS now FROM account_closures WHERE account_id = $1 AND status = 'pending' FOR UPDATE`,
        [accountId],
      );
      if (!closure) return { kind: 'not_pending' };
      if (closure.purge_after > closure.now) return { kind: 'not_due', purgeAfter: closure.purge_after };
      const mailboxIds: string[] = (await manager.query(`SELECT id FROM mailboxes WHERE account_id = $1 ORDER BY id`, [accountId]))
        .map((row: { id: string }) => row.id);
      const runningEnrollmentIds: string[] = (await manager.query(
        `SELECT id FROM enrollments WHERE account_id = $1 AND status = ANY($2::text[]) ORDER BY id`, [accountId, RUNNING],
      )).map((row: { id: string }) => row.id);
      const main: Record<string, number> = {};
      for (const step of ACCOUNT_PURGE_STEPS) {
        const started = performance.now();
        const [, deleted] = await manager.query(purgeSql(step), [accountId]);
        hooks.onStatement?.(step.table, performance.now() - started);
        main[step.table] = deleted;
      }
      const [, tombstoned] = await manager.query(ACCOUNT_TOMBSTONE_SQL, [accountId]);
      main.accounts = tombstoned;
      // The vault and the files are not in this transaction: removed once every DELETE has
      // succeeded, just before the commit. Should the commit still fail, the retry finds the
      // closure pending and purges again; the secrets and archives of an account past its grace are gone either way.
      const vault = {
        mailbox_secrets: await hooks.removeVaultSecrets(mailboxIds),
        enrichment_provider_keys: await hooks.removeProviderKeys(),
      };
      const filesRemoved = await hooks.removeFiles();
      const archives = { request_log_lines: await hooks.eraseArchivedLogs() };
      const certificate: ClosureCertificate = {
        accountId,
        requestedAt: new Date(closure.requested_at).toISOString(),
        purgedAt: new Date(closure.now).toISOString(),
        counts: { main, vault, archives },
        filesRemoved,
        kept: [
          'audit_events: the audit trail (ids only), kept as the law requires',
          'accounts: the account\'s id and deletion time, holding its support conversations until they are deleted 90 days later',
          'account_closures: this certificate',
          'billing records (billing_subscriptions, stripe_events: Stripe ids, statuses, plan, dates): kept as accounting law requires',
        ],
      };
      const jws = await hooks.certify(certificate);
      await manager.query(
        `UPDATE account_closures SET status = 'purged', purged_at = $2, certificate = $3, certificate_jws = $4 WHERE account_id = $1`,
        [accountId, closure.now, JSON.stringify(certificate), jws],
      );
      await hooks.audit(manager, certificate);
      return { kind: 'purged', certificate, runningEnrollmentIds, mailboxIds };
    });
  }

  /** Whether the rep is the account's owner (only an owner may close or reactivate it). */
  async isOwner(accountId: string, userId: string | null): Promise<boolean> {
    if (!userId) return false;
    const rows = await this.dataSource.query(`SELECT 1 FROM users WHERE id = $1 AND account_id = $2 AND role = 'owner'`, [userId, accountId]);
    return rows.length > 0;
  }

  /** When a pending closure's grace ends; null when there is no pending closure. */
  async purgeAfter(accountId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query(
      `SELECT purge_after FROM account_closures WHERE account_id = $1 AND status = 'pending'`, [accountId],
    );
    return row?.purge_after ?? null;
  }
}
