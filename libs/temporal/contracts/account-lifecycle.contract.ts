import { defineSignal } from '@temporalio/workflow';

export const ACCOUNT_EXPORT_WORKFLOW = 'accountExportWorkflow';
export const ACCOUNT_CLOSURE_WORKFLOW = 'accountClosureWorkflow';

export interface AccountExportInput {
  exportId: string;
}

export interface AccountClosureInput {
  accountId: string;
}

/** How a closure ended: purged (with its certificate recorded), or cancelled by a reactivation. */
export type AccountClosureResult = { outcome: 'purged'; counts: Record<string, number> } | { outcome: 'cancelled' };

/** A reactivation: the closure's workflow ends without purging (the database already says so). */
export const closureCancelledSignal = defineSignal('closureCancelled');

/** A purge's answer: done (rows removed per table), not pending any more, or not due before `purgeAfter` (ISO). */
export type ClosurePurge =
  | { kind: 'purged'; counts: Record<string, number> }
  | { kind: 'not_pending' }
  | { kind: 'not_due'; purgeAfter: string };

/** What the export and closure workflows ask of the outside world: ids and counts only. */
export interface AccountActivities {
  writeAccountExport(input: { exportId: string }): Promise<{ rowCounts: Record<string, number> }>;
  failAccountExport(input: { exportId: string; reason: string }): Promise<void>;
  /** When the closure's grace ends (ISO time), or null when it is no longer pending (cancelled, purged). */
  closurePurgeAfter(input: { accountId: string }): Promise<string | null>;
  /**
   * Purges the account if its closure is still pending at its purge time, under the closure's
   * lock (a reactivation committed first wins).
   */
  purgeClosedAccount(input: { accountId: string }): Promise<ClosurePurge>;
}
