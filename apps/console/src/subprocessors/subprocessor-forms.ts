import { DateTime } from 'luxon';
import type { FieldProblem } from '@relance/errors';
import {
  type ChangeRow, type ChangeTerms, checkFields, FIELD_LABELS, FIELD_MAX_LENGTH, SUBPROCESSOR_FIELDS, type SubprocessorFields,
} from '@relance/subprocessors';

/** The three changes an admin makes from the console. */
export type ChangeKind = 'add' | 'change' | 'retire';

export type ParsedChange =
  | { ok: true; fields: Partial<SubprocessorFields>; terms: ChangeTerms }
  | { ok: false; problems: FieldProblem[] };

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A posted change form: the entry's fields (all for a new entry, those filled in for an edit,
 * none for a retirement), the date it takes effect (a calendar day, from 00:00 UTC; empty: the
 * notice period) and a reason for the audit trail. Every problem is named by its field.
 */
export function parseChangeForm(kind: ChangeKind, form: Record<string, unknown>): ParsedChange {
  const problems: FieldProblem[] = [];
  let fields: Partial<SubprocessorFields> = {};
  if (kind !== 'retire') {
    const checked = checkFields(form, kind === 'add');
    if (checked.ok) fields = checked.fields;
    else problems.push(...checked.problems);
  }
  const reason = typeof form.reason === 'string' ? form.reason.trim() : '';
  if (!reason) problems.push({ field: 'reason', message: 'reason: say why (it is kept in the audit trail)' });
  else if (reason.length > 1000) problems.push({ field: 'reason', message: 'reason: at most 1000 characters' });
  const date = typeof form.effectiveDate === 'string' ? form.effectiveDate.trim() : '';
  let effectiveAt: Date | undefined;
  if (date) {
    const parsed = DATE.test(date) ? DateTime.fromISO(date, { zone: 'utc' }) : null;
    if (!parsed?.isValid) problems.push({ field: 'effectiveAt', message: `effectiveAt: ${JSON.stringify(date)} is not a date (YYYY-MM-DD)` });
    else effectiveAt = parsed.toJSDate();
  }
  return problems.length ? { ok: false, problems } : { ok: true, fields, terms: { effectiveAt, reason } };
}

/** What the form shows: each field with its label, current value and limit. */
export function formFields(values: Partial<SubprocessorFields>) {
  return SUBPROCESSOR_FIELDS.map((name) => ({ name, label: FIELD_LABELS[name], value: values[name] ?? '', maxLength: FIELD_MAX_LENGTH[name] }));
}

/** One change of the log as the admin reads it: when, what, whether it applies yet, notices mailed. */
export function changeLine(change: ChangeRow, now: Date) {
  const fields = Object.keys(change.changes).map((field) => FIELD_LABELS[field as keyof typeof FIELD_LABELS] ?? field);
  return {
    id: change.id,
    kind: change.kind,
    fields: change.kind === 'updated' ? fields.join(', ') : '',
    effectiveAt: change.effectiveAt.toISOString(),
    pending: change.effectiveAt > now,
    noticesSent: change.noticesSent,
  };
}
