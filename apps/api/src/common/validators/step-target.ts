import { registerDecorator, ValidationOptions } from 'class-validator';

/** Where a condition step goes: a step position (an integer from 0) or one of `words` ('next', 'end'). */
export function IsStepTarget(words: readonly string[], options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isStepTarget',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property must be a step position or one of: ${words.join(', ')}`, ...options },
      validator: {
        validate: (value: unknown) =>
          (typeof value === 'number' && Number.isInteger(value) && value >= 0) ||
          (typeof value === 'string' && words.includes(value)),
      },
    });
}
