import type { DataSource } from 'typeorm';
import { AuditRepository } from '@relance/db';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { AccountClosureRepository } from '@relance/privacy/accounts/account-closure.repository';
import { signClosureCertificate } from '@relance/privacy/accounts/closure-certificate';
import { ACCOUNT_PURGE_STEPS, purgeSql } from '@relance/privacy/accounts/purge-plan';
import { load } from './erasure.bench';
import type { Benchmark, BenchContext, BenchOptions } from './support/benchmark';
import { progressLine } from './support/measure';
import { count, seconds, type BenchOutcome } from './support/report';

/** Goals from the issue: at least half the speed of a plain DELETE of the same rows, and at most 60 s. */
const RATIO_GOAL = 0.5;
const LIMIT_MS = 60_000;

/**
 * Purging a closed account of n prospects, each with an enrollment and a sent email (one in ten
 * with an open, a reply and a task): the closure's purge as the worker runs it (under the
 * closure's lock, one DELETE per table in FK order, the certificate signed, the audit entry), on
 * one account; on an identical second account loaded alongside, a plain `DELETE FROM accounts
 * WHERE id = $1` in one transaction, its ON DELETE CASCADEs doing the rest. The vault and the
 * export folder are left out (neither holds rows here).
 */
export const accountPurge: Benchmark = {
  name: 'account-purge',
  title: 'purge of a closed account',
  defaultN: 1_000_000,
  size: (n) => `${count(n)} prospects`,
  run,
};

async function run(context: BenchContext, { n }: BenchOptions): Promise<BenchOutcome> {
  const { stack } = context;
  const db = stack.db;
  const purged = await stack.newAccount('Purged bench');
  const deleted = await stack.newAccount('Deleted bench');
  const loadStarted = performance.now();
  for (const account of [purged, deleted]) await load(db, account.accountId, n);
  const loadMs = performance.now() - loadStarted;

  // The baseline first: whichever runs second finds the other's freed pages, not a colder cache.
  const plainStarted = performance.now();
  const plainKind = await plainDelete(db, deleted.accountId);
  const plainMs = performance.now() - plainStarted;
  progressLine(`  plain DELETE (${plainKind}): ${seconds(plainMs)}`);

  await db.query(
    `INSERT INTO account_closures (account_id, status, requested_at, purge_after) VALUES ($1, 'pending', now(), now())`,
    [purged.accountId],
  );
  const audit = new AuditTrail(new AuditRepository(db));
  const statementMs: [string, number][] = [];
  const purgeStarted = performance.now();
  const outcome = await new AccountClosureRepository(db).purge(purged.accountId, {
    removeVaultSecrets: async () => 0,
    removeProviderKeys: async () => 0,
    removeFiles: async () => 0,
    eraseArchivedLogs: async () => 0,
    certify: (certificate) => signClosureCertificate(stack.config.accounts.certificateKeys, certificate),
    audit: (manager, certificate) => audit.record({
      actor: { kind: 'system', id: null }, action: 'account.purged', accountId: purged.accountId,
      target: { type: 'account', id: purged.accountId }, details: { counts: certificate.counts },
    }, manager),
    onStatement: (table, ms) => statementMs.push([table, ms]),
  });
  const purgeMs = performance.now() - purgeStarted;
  if (outcome.kind !== 'purged' || outcome.certificate.counts.main.prospects !== n) {
    throw new Error(`the purge did not remove the account: ${JSON.stringify(outcome)}`);
  }
  const leftover = await rowsLeft(db, [purged.accountId, deleted.accountId]);
  const ratio = plainMs / purgeMs;
  const rows = Object.values(outcome.certificate.counts.main).reduce((sum, c) => sum + c, 0);
  return {
    rows: [
      {
        benchmark: 'purge a closed account (vs plain DELETE)',
        size: `${count(n)} prospects`,
        measured: seconds(purgeMs),
        limit: `${seconds(plainMs)} plain`,
        ratio,
        goal: `≥ ${RATIO_GOAL}× plain speed`,
        meetsGoal: ratio >= RATIO_GOAL,
      },
      {
        benchmark: 'purge a closed account (time)',
        size: `${count(n)} prospects`,
        measured: seconds(purgeMs),
        limit: seconds(LIMIT_MS),
        ratio: purgeMs / LIMIT_MS,
        goal: '≤ 1×',
        meetsGoal: purgeMs <= LIMIT_MS,
      },
    ],
    notes: [
      `ratio = plain DELETE time ÷ purge time (above 1: the purge is faster); plain: ${plainKind}`,
      `${count(rows)} rows purged in ${ACCOUNT_PURGE_STEPS.length + 1} statements (the last one leaves the account's tombstone), one transaction; ` +
        `per table: ${Object.entries(outcome.certificate.counts.main).filter(([, c]) => c > 0).map(([t, c]) => `${t} ${count(c)}`).join(', ')}`,
      `slowest statements: ${statementMs.sort((a, b) => b[1] - a[1]).slice(0, 5).map(([t, ms]) => `${t} ${seconds(ms)}`).join(', ')} ` +
        '(each deleted row probes the index of every foreign key that references it, as the cascade does)',
      `two identical accounts of ${count(n)} prospects (enrollment + email each, one in ten an open, a reply and a task) loaded in ${seconds(loadMs)}`,
      leftover === 0 ? 'both accounts gone afterwards (the purged one as a tombstone row)' : `${leftover} rows of the two accounts left: a bug`,
    ],
  };
}

/**
 * The baseline: one DELETE of the account, its cascades removing the rest. When a RESTRICT
 * reference refuses it (a campaign's mailbox deleted before the campaign), the same rows by one
 * DELETE per table in FK order, still in one transaction.
 */
async function plainDelete(db: DataSource, accountId: string): Promise<string> {
  try {
    await db.transaction((manager) => manager.query(`DELETE FROM accounts WHERE id = $1`, [accountId]));
    return 'DELETE FROM accounts, cascading';
  } catch {
    await db.transaction(async (manager) => {
      for (const step of ACCOUNT_PURGE_STEPS) await manager.query(purgeSql(step), [accountId]);
      await manager.query(`DELETE FROM accounts WHERE id = $1`, [accountId]);
    });
    return 'cascade refused by a RESTRICT reference: one DELETE per table in FK order';
  }
}

async function rowsLeft(db: DataSource, accountIds: string[]): Promise<number> {
  const [row] = await db.query(
    `SELECT (SELECT count(*) FROM prospects WHERE account_id = ANY($1::uuid[])) + (SELECT count(*) FROM messages WHERE account_id = ANY($1::uuid[]))
       + (SELECT count(*) FROM accounts WHERE id = ANY($1::uuid[]) AND deleted_at IS NULL) AS left`,
    [accountIds],
  );
  return Number(row.left);
}
