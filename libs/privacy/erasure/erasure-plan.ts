import type { ColumnErasure, PersonalTable } from '../registry/types';

/** Whose rows a plan finds: the registry's lookups by id (an email-only subject is found through prospects first). */
export type ErasableSubjectKind = 'prospect' | 'user' | 'account';

/** One statement of an erasure: which rows of a table (SQL on `t`, the subject's id as $1), and what to do to them. */
export interface ErasureStep {
  table: string;
  rowKey: string;
  where: string;
  action: { kind: 'delete' } | { kind: 'erase'; columns: { column: string; erasure: Exclude<ColumnErasure, 'keep'> }[] };
}

/**
 * The statements that erase one subject, in the registry's order (children before parents):
 * for every lookup of the subject's kind, its rows deleted or its personal columns erased. One
 * statement per lookup, never lookups OR-ed together: each then uses its own index, where an OR
 * of subqueries would scan the whole table. A table whose kept columns are all `keep` (the
 * suppression list) needs no statement.
 */
export function erasureSteps(registry: readonly PersonalTable[], kind: ErasableSubjectKind): ErasureStep[] {
  return registry.flatMap((table) => table.lookups.flatMap((lookup): ErasureStep[] => {
    if (lookup.subject !== kind) return [];
    const step = tableStep(table, 'sql' in lookup ? lookup.sql : `t."${lookup.column}" = $1`);
    return step ? [step] : [];
  }));
}

/** What erasure does to the rows of `table` that `where` selects; null when there is nothing to do (only `keep` columns). */
export function tableStep(table: PersonalTable, where: string): ErasureStep | null {
  const rowKey = table.rowKey ?? 'id';
  if (table.erasure === 'delete_row') return { table: table.table, rowKey, where, action: { kind: 'delete' } };
  const columns = table.columns.flatMap((c) => {
    const erasure = c.erasure ?? 'null';
    return erasure === 'keep' ? [] : [{ column: c.column, erasure }];
  });
  return columns.length === 0 ? null : { table: table.table, rowKey, where, action: { kind: 'erase', columns } };
}

/**
 * The SQL of a step, returning the keys of the rows it touched. `$1` is the subject's id; for a
 * `keyed_hash` column, `$2` is the keyed hash of the subject's address.
 */
export function stepSql(step: ErasureStep): string {
  const returning = `RETURNING t."${step.rowKey}"::text AS key`;
  if (step.action.kind === 'delete') return `DELETE FROM "${step.table}" t WHERE ${step.where} ${returning}`;
  const sets = step.action.columns.map(({ column, erasure }) => `"${column}" = ${erasure === 'null' ? 'NULL' : '$2'}`);
  return `UPDATE "${step.table}" t SET ${sets.join(', ')} WHERE ${step.where} ${returning}`;
}

/** The same step applied again to rows known by key (a ledger replay): `$1` the keys, `$2` the keyed hash. */
export function replaySql(step: ErasureStep): string {
  return stepSql({ ...step, where: `t."${step.rowKey}"::text = ANY($1::text[])` });
}
