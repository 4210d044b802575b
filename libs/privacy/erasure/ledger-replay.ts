import type { DataSource, EntityManager } from 'typeorm';
import { PERSONAL_DATA } from '../registry';
import { erasureSteps, replaySql, stepSql, tableStep } from './erasure-plan';

interface LedgerRow {
  id: string;
  request_id: string;
  account_id: string | null;
  email_hash: string | null;
  row_ids: Record<string, string[]>;
  workflow_ids: string[];
  erased_at: Date;
}

export interface ReplayedEntry {
  requestId: string;
  erasedAt: Date;
  /** Rows erased again, per table (zeros left out): what the restore had brought back. */
  rows: Record<string, number>;
  /** Whether the keyed hash had to be put back on the suppression list. */
  resuppressed: boolean;
  /** Whether the entry was missing from the target's own ledger and was copied there. */
  copied: boolean;
}

/**
 * Re-applies erasures after a database restore: every entry of the ledger (read from `ledger`,
 * a database that kept it, by default the target itself) is applied to `target` again, oldest
 * first, each in one transaction: the erased prospects' rows found again by the registry's
 * lookups, then every row the entry names by id, then the keyed hash back on the suppression
 * list and the entry into the target's ledger. Idempotent: a second run erases nothing.
 */
export async function replayErasures(ledger: DataSource, target: DataSource): Promise<ReplayedEntry[]> {
  const entries: LedgerRow[] = await ledger.query(`SELECT * FROM erasure_ledger ORDER BY erased_at, id`);
  const replayed: ReplayedEntry[] = [];
  for (const entry of entries) replayed.push(await target.transaction((manager) => replayEntry(manager, entry)));
  return replayed;
}

async function replayEntry(manager: EntityManager, entry: LedgerRow): Promise<ReplayedEntry> {
  const rows: Record<string, number> = {};
  const count = (table: string, n: number) => {
    if (n > 0) rows[table] = (rows[table] ?? 0) + n;
  };
  const hash = entry.email_hash;
  // The restored prospect's whole footprint, as the erasure found it (rows written since the backup included).
  for (const prospectId of entry.row_ids.prospects ?? []) {
    for (const step of erasureSteps(PERSONAL_DATA, 'prospect')) {
      count(step.table, affected(await manager.query(stepSql(step), step.action.kind === 'delete' ? [prospectId] : [prospectId, hash])));
    }
  }
  // Then whatever the entry names by id that the lookups no longer reach.
  for (const table of PERSONAL_DATA) {
    const keys = entry.row_ids[table.table];
    const step = keys?.length ? tableStep(table, 'true') : null;
    if (!step) continue;
    count(table.table, affected(await manager.query(replaySql(step), step.action.kind === 'delete' ? [keys] : [keys, hash])));
  }
  const unknown = Object.keys(entry.row_ids).filter((table) => !PERSONAL_DATA.some((t) => t.table === table));
  if (unknown.length > 0) throw new Error(`ledger entry ${entry.id} names tables the registry does not know: ${unknown.join(', ')}`);
  return {
    requestId: entry.request_id,
    erasedAt: entry.erased_at,
    rows,
    resuppressed: await resuppress(manager, entry),
    copied: await copyEntry(manager, entry),
  };
}

/** Puts the keyed hash back on the account's list (unless the account itself is gone); true when it was missing. */
async function resuppress(manager: EntityManager, entry: LedgerRow): Promise<boolean> {
  if (!entry.account_id || !entry.email_hash) return false;
  const [found] = await manager.query(
    `SELECT (SELECT reason FROM suppressions WHERE account_id = $1 AND email_hash = $2) AS reason,
            EXISTS (SELECT 1 FROM accounts WHERE id = $1 AND deleted_at IS NULL) AS account`,
    [entry.account_id, entry.email_hash],
  );
  if (found.reason === 'erasure' || !found.account) return false;
  await manager.query(
    `INSERT INTO suppressions (account_id, kind, email_hash, reason) VALUES ($1, 'email', $2, 'erasure')
     ON CONFLICT (account_id, email_hash) DO UPDATE SET reason = 'erasure', source_message_id = NULL`,
    [entry.account_id, entry.email_hash],
  );
  return true;
}

async function copyEntry(manager: EntityManager, entry: LedgerRow): Promise<boolean> {
  const inserted = await manager.query(
    `INSERT INTO erasure_ledger (id, request_id, account_id, email_hash, row_ids, workflow_ids, erased_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [entry.id, entry.request_id, entry.account_id, entry.email_hash, JSON.stringify(entry.row_ids), entry.workflow_ids, entry.erased_at],
  );
  return inserted.length > 0;
}

/** Rows a DELETE or UPDATE … RETURNING touched (TypeORM answers [rows, count]). */
function affected(result: unknown): number {
  return Array.isArray(result) && result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number'
    ? result[0].length
    : (result as unknown[]).length;
}
