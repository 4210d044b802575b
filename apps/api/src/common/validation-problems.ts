import type { ValidationError } from 'class-validator';
import type { FieldProblem } from '@relance/errors';

/**
 * Flattens class-validator's error tree into one problem per bad field, each naming the
 * field's full path: `steps.0.subject must be a string`, `property steps.1.foo should not exist`.
 */
export function toFieldProblems(errors: readonly ValidationError[], parentPath = ''): FieldProblem[] {
  return onlyTheType(errors).flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const rule = mostBasicRule(error.constraints ?? {});
    const own = rule
      ? [{ field, message: rule[0] === 'whitelistValidation' ? `property ${field} should not exist` : prefixed(rule[1], parentPath) }]
      : [];
    return [...own, ...toFieldProblems(error.children ?? [], field)];
  });
}

/**
 * An object whose `type` is missing or unknown cannot be told which other properties it may
 * have: every one of them would be reported as not allowed. Its type alone is the problem.
 */
function onlyTheType(siblings: readonly ValidationError[]): readonly ValidationError[] {
  const type = siblings.find((error) => error.property === 'type' && error.constraints?.isIn);
  return type ? [type] : siblings;
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

/**
 * class-validator messages start with the bare property name, or with "each value in" and
 * then the name for a rule on every item of a list; give the name its full path.
 */
function prefixed(message: string, parentPath: string): string {
  if (!parentPath) return message;
  const each = /^each value in (?:nested property )?/.exec(message)?.[0] ?? '';
  return `${each}${parentPath}.${message.slice(each.length)}`;
}
