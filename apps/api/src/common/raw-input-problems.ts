import type { FieldProblem } from '@relance/errors';

/** Enough to say what is wrong without echoing a whole hostile body back. */
const MAX_PROBLEMS = 10;

/**
 * Problems no DTO rule can report, found in the parsed JSON (or query) before any DTO is built:
 * - U+0000 in a string or a key: PostgreSQL text cannot hold it, so the write would fail;
 * - null as an array element: no list of this API takes one, and a nested DTO built from it
 *   fails before validation can name the field.
 * Walked with an explicit stack, so a deeply nested body cannot overflow the call stack.
 */
export function rawInputProblems(input: unknown): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const pending: Array<{ value: unknown; path: string }> = [{ value: input, path: '' }];
  while (pending.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, path } = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes('\u0000')) problems.push(nulProblem(path || 'the body'));
    } else if (Array.isArray(value)) {
      value.forEach((item, index) => {
        const field = join(path, String(index));
        if (item === null) problems.push({ field, message: `${field} must not be null` });
        else pending.push({ value: item, path: field });
      });
    } else if (value !== null && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) {
        if (key.includes('\u0000')) problems.push(nulProblem(`a property name in ${path || 'the body'}`, path));
        else pending.push({ value: item, path: join(path, key) });
      }
    }
  }
  return problems.slice(0, MAX_PROBLEMS).sort((a, b) => a.field.localeCompare(b.field));
}

function nulProblem(what: string, field = what): FieldProblem {
  return { field, message: `${what} must not contain the NUL character (U+0000)` };
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}
