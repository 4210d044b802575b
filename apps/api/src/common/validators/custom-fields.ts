import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

export const CUSTOM_FIELD_KEY = /^[a-zA-Z_][a-zA-Z0-9_]{0,63}$/;
export const MAX_CUSTOM_FIELDS = 50;
export const MAX_CUSTOM_FIELD_LENGTH = 2_000;

/** Why a custom-fields map is refused, or null when it is a valid string → string map. */
export function customFieldsProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be an object of strings';
  const entries = Object.entries(value);
  if (entries.length > MAX_CUSTOM_FIELDS) return `must have at most ${MAX_CUSTOM_FIELDS} fields`;
  for (const [key, field] of entries) {
    if (!CUSTOM_FIELD_KEY.test(key)) {
      return `key "${key.slice(0, 80)}" must start with a letter or _ and hold only letters, digits and _ (64 at most)`;
    }
    if (typeof field !== 'string') return `.${key} must be a string`;
    if (field.length > MAX_CUSTOM_FIELD_LENGTH) return `.${key} must be at most ${MAX_CUSTOM_FIELD_LENGTH} characters`;
  }
  return null;
}

/** Custom fields: a flat map of identifier-like keys to strings, usable as `{{ custom.key }}` in templates. */
export function IsCustomFields(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isCustomFields',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: (args: ValidationArguments) => {
          const problem = customFieldsProblem(args.value) ?? '';
          return problem.startsWith('.') ? `${args.property}${problem}` : `${args.property} ${problem}`;
        },
        ...options,
      },
      validator: { validate: (value: unknown) => customFieldsProblem(value) === null },
    });
}
