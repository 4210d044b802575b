import { DomainError, type FieldProblem } from '@relance/errors';
import { RECTIFIABLE_FIELDS, type RectifiableField } from './subject-rows.repository';

const VALUE_MAX = 200;

/** The fields of a rectification, checked: known names only, each a short single-line string or null. */
export function rectificationFields(input: Record<string, unknown>): Partial<Record<RectifiableField, string | null>> {
  const problems: FieldProblem[] = [];
  const fields: Partial<Record<RectifiableField, string | null>> = {};
  for (const [name, value] of Object.entries(input)) {
    const field = `fields.${name}`;
    if (!(RECTIFIABLE_FIELDS as readonly string[]).includes(name)) {
      problems.push({ field, message: `${field} is not a field a rectification may set (${RECTIFIABLE_FIELDS.join(', ')})` });
    } else if (value !== null && (typeof value !== 'string' || value.length > VALUE_MAX || /[\r\n]/.test(value))) {
      problems.push({ field, message: `${field} must be null or a single-line string of at most ${VALUE_MAX} characters` });
    } else {
      fields[name as RectifiableField] = value === null ? null : value.trim();
    }
  }
  if (problems.length > 0) throw DomainError.validation(problems);
  return fields;
}
