import type { ValidationError } from 'class-validator';
import type { FieldProblem } from '../../../../libs/errors';

/**
 * Flattens class-validator's error tree into one problem per bad field, each naming the
 * field's full path: `steps.0.subject must be a string`, `property steps.1.foo should not exist`.
 */
export function toFieldProblems(errors: readonly ValidationError[], parentPath = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const rule = mostBasicRule(error.constraints ?? {});
    const own = rule
      ? [{ field, message: rule[0] === 'whitelistValidation' ? `property ${field} should not exist` : prefixed(rule[1], parentPath) }]
      : [];
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/**
 * A missing `name` fails IsString, IsNotEmpty and MaxLength at once; only the first rule
 * written on the property says what is wrong. class-validator runs decorators bottom-up, so
 * that rule is the last one it reports. Nested validation only speaks when nothing else did.
 */
function mostBasicRule(constraints: Record<string, string>): [string, string] | undefined {
  const entries = Object.entries(constraints);
  const own = entries.filter(([rule]) => rule !== 'nestedValidation');
  return (own.length > 0 ? own : entries).at(-1);
}

/** class-validator messages start with the bare property name; give them the full path. */
function prefixed(message: string, parentPath: string): string {
  return parentPath ? `${parentPath}.${message}` : message;
}
