import type { ImportOnExisting } from '@relance/db/entities/import-job.entity';
import type { ImportedProspect, RowProblem } from './row-check';

/** A row of a batch once checked: good (with the suppression entry that forbids it, if any), or refused. */
export type CheckedRow =
  | { kind: 'good'; line: number; prospect: ImportedProspect; suppressed: string | null }
  | { kind: 'bad'; line: number; problems: RowProblem[]; email: string | null };

export interface Refusal extends RowProblem {
  line: number;
  email: string | null;
}

export interface BatchPlan {
  inserts: { line: number; prospect: ImportedProspect }[];
  updates: { line: number; prospectId: string; prospect: ImportedProspect }[];
  /** Existing prospects left as they are (the user chose skip, or their processing is restricted). */
  skips: { line: number; prospectId: string }[];
  refusals: Refusal[];
  refusedRows: number;
}

/** What the database says about a batch's addresses, read under the job's lock. */
export interface BatchFacts {
  /** Prospects of the account already at these addresses. */
  existing: ReadonlyMap<string, { id: string; restricted: boolean }>;
  /** Addresses this import already handled, with the line that did. */
  handledAt: ReadonlyMap<string, number>;
}

/**
 * Decides each row of a batch: refused rows stay refused; a suppressed address is refused with
 * the list's reason; an address the file already had is refused naming that line (the first
 * one wins); an address already a prospect is updated or skipped as the user chose (never
 * updated while its processing is restricted); the rest are created.
 */
export function planBatch(rows: readonly CheckedRow[], facts: BatchFacts, options: { onExisting: ImportOnExisting; emailColumn: string }): BatchPlan {
  const plan: BatchPlan = { inserts: [], updates: [], skips: [], refusals: [], refusedRows: 0 };
  const seen = new Map(facts.handledAt);
  const refuse = (line: number, email: string | null, problems: RowProblem[]) => {
    plan.refusedRows++;
    for (const problem of problems) plan.refusals.push({ line, email, ...problem });
  };
  for (const row of rows) {
    if (row.kind === 'bad') {
      refuse(row.line, row.email, row.problems);
      continue;
    }
    const { email } = row.prospect;
    if (row.suppressed) {
      refuse(row.line, email, [{ column: options.emailColumn, value: email, reason: row.suppressed }]);
      continue;
    }
    const earlier = seen.get(email);
    if (earlier !== undefined) {
      refuse(row.line, email, [{ column: options.emailColumn, value: email, reason: `repeats the address of line ${earlier}: only the first is imported` }]);
      continue;
    }
    seen.set(email, row.line);
    const existing = facts.existing.get(email);
    if (!existing) plan.inserts.push({ line: row.line, prospect: row.prospect });
    else if (options.onExisting === 'update' && !existing.restricted) plan.updates.push({ line: row.line, prospectId: existing.id, prospect: row.prospect });
    else plan.skips.push({ line: row.line, prospectId: existing.id });
  }
  return plan;
}
