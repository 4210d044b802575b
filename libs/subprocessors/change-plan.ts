import type { FieldChange } from '@relance/db/entities';
import type { FieldProblem } from '@relance/errors';
import { SUBPROCESSOR_FIELDS, type SubprocessorFields } from './subprocessor-fields';

/** Each field `edit` gives a new value for, with its value before; fields given unchanged are left out. */
export function fieldChanges(current: SubprocessorFields, edit: Partial<SubprocessorFields>): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const field of SUBPROCESSOR_FIELDS) {
    const after = edit[field];
    if (after !== undefined && after !== current[field]) changes[field] = { before: current[field], after };
  }
  return changes;
}

/** Every field of a new entry, each with no value before. */
export function additionChanges(entry: SubprocessorFields): Record<string, FieldChange> {
  return Object.fromEntries(SUBPROCESSOR_FIELDS.map((field) => [field, { before: null, after: entry[field] }]));
}

/**
 * When a change takes effect: the date staff asked for, which must be ahead of now and not
 * before a pending change of the same entry (so changes apply in the order they were made);
 * by default now + the notice period, or that pending change's date if it is later.
 */
export function effectiveDateFor(
  requested: Date | undefined,
  context: { now: Date; noticePeriodMs: number; latestPending: Date | null },
): { at: Date } | { problem: FieldProblem } {
  const { now, noticePeriodMs, latestPending } = context;
  if (requested === undefined) {
    const fallback = new Date(now.getTime() + noticePeriodMs);
    return { at: latestPending && latestPending > fallback ? latestPending : fallback };
  }
  if (requested.getTime() <= now.getTime()) {
    return { problem: { field: 'effectiveAt', message: `effectiveAt must be in the future (it is now ${now.toISOString()})` } };
  }
  if (latestPending && requested < latestPending) {
    return {
      problem: {
        field: 'effectiveAt',
        message: `effectiveAt must not be before ${latestPending.toISOString()}, when an earlier change of this entry takes effect`,
      },
    };
  }
  return { at: requested };
}
