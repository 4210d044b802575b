import type { FieldProblem } from '@relance/errors';
import { SUBPROCESSOR_FIELDS, type SubprocessorField, type SubprocessorFields } from './subprocessor-fields';

/** Longest value of each field: names and places are short, addresses and data lists longer. */
export const FIELD_MAX_LENGTH: Record<SubprocessorField, number> = {
  name: 200,
  address: 500,
  processingScope: 200,
  personalDataTypes: 500,
  processingLocation: 200,
  transferMechanism: 200,
};

/** Line breaks and other control characters: values go into notice subjects and mail bodies. */
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

export type CheckedFields =
  | { ok: true; fields: Partial<SubprocessorFields> }
  | { ok: false; problems: FieldProblem[] };

/**
 * A form's values for a registry entry (the console's; the API checks the same rules with its
 * DTO's decorators). `whole`: every field is required (a new entry); otherwise an empty field
 * is left unchanged. Values are trimmed.
 */
export function checkFields(form: Record<string, unknown>, whole: boolean): CheckedFields {
  const fields: Partial<SubprocessorFields> = {};
  const problems: FieldProblem[] = [];
  for (const field of SUBPROCESSOR_FIELDS) {
    const raw = form[field];
    const value = typeof raw === 'string' ? raw.trim() : '';
    if (raw !== undefined && typeof raw !== 'string') problems.push({ field, message: `${field} must be text` });
    else if (!value) {
      if (whole) problems.push({ field, message: `${field} must not be blank` });
    } else if (CONTROL.test(value)) problems.push({ field, message: `${field} must be a single line (no line breaks or control characters)` });
    else if (value.length > FIELD_MAX_LENGTH[field]) problems.push({ field, message: `${field} must be at most ${FIELD_MAX_LENGTH[field]} characters` });
    else fields[field] = value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, fields };
}
