import { isEmail } from 'class-validator';
import { normaliseEmail, WITHOUT_INVISIBLE_CHARACTERS } from '@relance/mail/email-address';
import { canonicalTimeZone, fixedOffsetProblem } from '@relance/time-zones';
import type { ColumnMapping, ProspectField } from './column-mapping';

/** The prospect a good row describes, in the form prospects are stored (email normalised, zone canonical). */
export interface ImportedProspect {
  email: string;
  firstName: string | null;
  lastName: string | null;
  position: string | null;
  company: string | null;
  country: string | null;
  timeZone: string | null;
  customFields: Record<string, string>;
}

/** Why a row, or one of its cells, is refused: `column` is the header as the file spells it ('' for the whole row). */
export interface RowProblem {
  column: string;
  reason: string;
  /** The cell as written, cut to 200 characters; null for a problem of the whole row. */
  value: string | null;
}

export type RowCheck = { ok: true; prospect: ImportedProspect } | { ok: false; problems: RowProblem[]; email: string | null };

// The API's limits for a prospect created by hand (CreateProspectDto), so an import accepts what a create would.
const TEXT_MAX: Record<Exclude<ProspectField, 'email' | 'timeZone'>, number> = {
  firstName: 200, lastName: 200, position: 200, company: 200, country: 100,
};
const EMAIL_MAX = 254;
const CUSTOM_MAX = 2_000;
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/**
 * Checks one record against the mapping and returns the prospect, or every problem the row has
 * (each naming its column), so the report tells the user all there is to fix at once.
 */
export function checkRow(fields: readonly string[], headers: readonly string[], mapping: ColumnMapping): RowCheck {
  if (fields.length !== headers.length) {
    return {
      ok: false, email: null,
      problems: [{ column: '', value: null, reason: `the row has ${fields.length} cells where the header has ${headers.length}: a delimiter or quote is missing or extra` }],
    };
  }
  const problems: RowProblem[] = [];
  const prospect: ImportedProspect = {
    email: '', firstName: null, lastName: null, position: null, company: null, country: null, timeZone: null, customFields: {},
  };
  for (const [index, target] of mapping.entries()) {
    const column = headers[index];
    const raw = fields[index];
    if (target.kind === 'ignore') continue;
    if (raw.includes('\u0000')) {
      problems.push({ column, value: cut(raw), reason: 'contains a NUL byte: binary data, not text' });
      continue;
    }
    const value = raw.trim();
    if (target.kind === 'custom') {
      if (value === '') continue;
      if (value.length > CUSTOM_MAX) problems.push({ column, value: cut(raw), reason: `is ${value.length} characters long; at most ${CUSTOM_MAX}` });
      else prospect.customFields[target.key] = value;
      continue;
    }
    const problem = target.field === 'email' ? emailProblem(value)
      : target.field === 'timeZone' ? timeZoneProblem(value)
        : textProblem(value, TEXT_MAX[target.field]);
    if (problem) {
      problems.push({ column, value: cut(raw), reason: problem });
      continue;
    }
    if (target.field === 'email') prospect.email = normaliseEmail(value);
    else if (target.field === 'timeZone') prospect.timeZone = value === '' ? null : canonicalZone(value);
    else prospect[target.field] = value === '' ? null : value;
  }
  if (problems.length > 0) return { ok: false, problems, email: prospect.email || emailOf(fields, mapping) };
  return { ok: true, prospect };
}

function emailProblem(value: string): string | null {
  if (value === '') return 'is empty: an email address is required';
  const email = normaliseEmail(value);
  if (email.length > EMAIL_MAX) return `is ${email.length} characters long; an address has at most ${EMAIL_MAX}`;
  if (!WITHOUT_INVISIBLE_CHARACTERS.test(email)) return 'contains invisible characters (zero-width spaces or joiners)';
  return isEmail(email) ? null : 'is not a valid email address';
}

/**
 * Zone names repeat down a file and each check builds an Intl.DateTimeFormat (about half a
 * millisecond): answers are kept per spelling, a bounded number of them.
 */
const ZONES = new Map<string, string | null>();
function canonicalZone(value: string): string | null {
  let zone = ZONES.get(value);
  if (zone === undefined) {
    zone = canonicalTimeZone(value);
    if (ZONES.size >= 2_000) ZONES.clear();
    ZONES.set(value, zone);
  }
  return zone;
}

function timeZoneProblem(value: string): string | null {
  if (value === '' || canonicalZone(value) !== null) return null;
  const trap = fixedOffsetProblem(value);
  return trap ? `"${value.slice(0, 40)}" is ${trap}` : `"${value.slice(0, 40)}" is not an IANA time zone such as Europe/Paris`;
}

function textProblem(value: string, max: number): string | null {
  if (value.length > max) return `is ${value.length} characters long; at most ${max}`;
  return CONTROL.test(value) ? 'must be a single line (no line breaks or control characters)' : null;
}

/** The row's address as written, normalised, when it has one: refusals keep it so erasure can find them. */
function emailOf(fields: readonly string[], mapping: ColumnMapping): string | null {
  const index = mapping.findIndex((target) => target.kind === 'field' && target.field === 'email');
  const value = index < 0 ? '' : (fields[index] ?? '').trim();
  return value === '' ? null : cut(normaliseEmail(value)).slice(0, EMAIL_MAX);
}

/** Cells are kept in the report for the user to recognise them, not whole: a huge cell stays small there. */
export function cut(value: string): string {
  // PostgreSQL text cannot hold NUL: shown as the replacement character, as an editor would.
  const text = value.replace(/\u0000/g, '\ufffd');
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}
