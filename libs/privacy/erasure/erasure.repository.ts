import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { endEnrollments } from '@relance/db/repositories/enrollment-ends';
import {
  enrollmentControlWorkflowId,
  softBounceResendWorkflowId,
} from '@relance/temporal/contracts/workflow-ids';
import { PERSONAL_DATA } from '../registry';
import { erasureSteps, stepSql } from './erasure-plan';

/** What one erasure removed: row keys per table (empty tables left out), and the workflows to purge. */
export interface ErasedRows {
  /** False when there was nothing left to erase (erased before, or never the account's). */
  found: boolean;
  rowIds: Record<string, string[]>;
  workflowIds: string[];
  emailHash: string | null;
}

export interface ProspectErasure {
  accountId: string;
  prospectId: string;
  requestId: string;
  /** The keyed hash of an address (SUPPRESSION_HASH_KEY): all that stays of it. */
  hashEmail: (email: string) => string;
  /** Records the audit entry in the erasure's transaction. */
  audit: (manager: EntityManager, erased: ErasedRows) => Promise<unknown>;
}

export interface UserErasure {
  accountId: string;
  userId: string;
  requestId: string;
  audit: (manager: EntityManager, erased: ErasedRows) => Promise<unknown>;
}

/** A user erasure refused: the account's only owner would leave it ownerless (it is closed instead). */
export const SOLE_OWNER = 'sole_owner';

/** Why an enrollment ended when its prospect was erased (its workflow is then terminated). */
export const ERASED_REASON = 'erased';

/**
 * The erasure's SQL, driven by the personal-data registry: one transaction erases every row the
 * registry's lookups find, keeps the keyed hash on the suppression list, writes the ledger and
 * the audit entry. Nothing of it commits unless all of it does.
 */
@Injectable()
export class ErasureRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  eraseProspect(input: ProspectErasure): Promise<ErasedRows> {
    return this.dataSource.transaction(async (manager) => {
      // Sequences end first, through the one path that ends them (locks in the send claim's order):
      // a send waiting on these rows then finds the enrollment stopped, never a half-erased prospect.
      await endEnrollments(manager, { where: `e.prospect_id = $1 AND e.account_id = $2`, params: [input.prospectId, input.accountId] }, {
        status: 'stopped', reason: ERASED_REASON,
      });
      const [prospect]: { email: string }[] = await manager.query(
        `SELECT email FROM prospects WHERE id = $1 AND account_id = $2 FOR UPDATE`, [input.prospectId, input.accountId],
      );
      const erased: ErasedRows = { found: false, rowIds: {}, workflowIds: [], emailHash: null };
      if (!prospect) {
        await input.audit(manager, erased);
        return erased;
      }
      erased.found = true;
      erased.emailHash = input.hashEmail(prospect.email);
      erased.workflowIds = await this.workflowsOf(manager, input.prospectId);
      await this.suppress(manager, input.accountId, erased.emailHash);
      for (const step of erasureSteps(PERSONAL_DATA, 'prospect')) {
        const rows: { key: string }[] = unwrap(await manager.query(stepSql(step), step.action.kind === 'delete'
          ? [input.prospectId]
          : [input.prospectId, erased.emailHash]));
        if (rows.length > 0) erased.rowIds[step.table] = [...(erased.rowIds[step.table] ?? []), ...rows.map((row) => row.key)];
      }
      await manager.query(
        `INSERT INTO erasure_ledger (request_id, account_id, email_hash, row_ids, workflow_ids) VALUES ($1, $2, $3, $4, $5)`,
        [input.requestId, input.accountId, erased.emailHash, JSON.stringify(erased.rowIds), erased.workflowIds],
      );
      await input.audit(manager, erased);
      return erased;
    });
  }

  /**
   * Erases a rep of an account: their row, their API keys, their request logs (what the
   * registry finds by user). Their mailboxes stay the account's, detached (see the registry). No
   * suppression: a rep is not a prospect; the ledger entry holds row ids only. Refused with
   * SOLE_OWNER when they are the account's only owner.
   */
  eraseUser(input: UserErasure): Promise<ErasedRows | typeof SOLE_OWNER> {
    return this.dataSource.transaction(async (manager) => {
      // The account's owners locked in one order, so two owners erased at once cannot both go.
      const owners: { id: string }[] = await manager.query(
        `SELECT id FROM users WHERE account_id = $1 AND role = 'owner' ORDER BY id FOR UPDATE`, [input.accountId],
      );
      const [user]: { role: string }[] = await manager.query(
        `SELECT role FROM users WHERE id = $1 AND account_id = $2 FOR UPDATE`, [input.userId, input.accountId],
      );
      const erased: ErasedRows = { found: Boolean(user), rowIds: {}, workflowIds: [], emailHash: null };
      if (user?.role === 'owner' && owners.length === 1) return SOLE_OWNER;
      if (user) {
        for (const step of erasureSteps(PERSONAL_DATA, 'user')) {
          const rows: { key: string }[] = unwrap(await manager.query(stepSql(step), step.action.kind === 'delete' ? [input.userId] : [input.userId, null]));
          if (rows.length > 0) erased.rowIds[step.table] = [...(erased.rowIds[step.table] ?? []), ...rows.map((row) => row.key)];
        }
        await manager.query(
          `INSERT INTO erasure_ledger (request_id, account_id, email_hash, row_ids, workflow_ids) VALUES ($1, $2, NULL, $3, '{}')`,
          [input.requestId, input.accountId, JSON.stringify(erased.rowIds)],
        );
      }
      await input.audit(manager, erased);
      return erased;
    });
  }

  /** Of these keyed hashes, those the account's suppression list holds because their person was erased. */
  async erasedHashes(accountId: string, emailHashes: readonly string[]): Promise<Set<string>> {
    if (emailHashes.length === 0) return new Set();
    const rows: { email_hash: string }[] = await this.dataSource.query(
      `SELECT email_hash FROM suppressions WHERE account_id = $1 AND reason = 'erasure' AND email_hash = ANY($2::text[])`,
      [accountId, emailHashes],
    );
    return new Set(rows.map((row) => row.email_hash));
  }

  /** Every workflow that ran for the prospect: their sequences, the controls sent to them, resends of soft bounces. */
  private async workflowsOf(manager: EntityManager, prospectId: string): Promise<string[]> {
    const enrollments: { id: string; workflow_id: string }[] = await manager.query(
      `SELECT id, workflow_id FROM enrollments WHERE prospect_id = $1 ORDER BY id`, [prospectId],
    );
    const bounced: { id: string; soft_bounces: number }[] = await manager.query(
      `SELECT m.id, m.soft_bounces FROM messages m JOIN enrollments e ON e.id = m.enrollment_id
       WHERE e.prospect_id = $1 AND m.soft_bounces > 0 ORDER BY m.id`, [prospectId],
    );
    return [
      ...enrollments.flatMap((e) => [e.workflow_id, enrollmentControlWorkflowId(e.id)]),
      ...bounced.flatMap((m) => Array.from({ length: m.soft_bounces }, (_, i) => softBounceResendWorkflowId(m.id, i + 1))),
    ];
  }

  /** The address stays on the account's list as its keyed hash; an earlier entry (an unsubscribe) becomes an erasure. */
  private async suppress(manager: EntityManager, accountId: string, emailHash: string): Promise<void> {
    await manager.query(
      `INSERT INTO suppressions (account_id, kind, email_hash, reason) VALUES ($1, 'email', $2, 'erasure')
       ON CONFLICT (account_id, email_hash) DO UPDATE SET reason = 'erasure', source_message_id = NULL`,
      [accountId, emailHash],
    );
  }
}

/** TypeORM answers an UPDATE or DELETE … RETURNING with [rows, count], a SELECT with rows. */
function unwrap(result: unknown): { key: string }[] {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
    ? result[0]
    : (result as { key: string }[]);
}
