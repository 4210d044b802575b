import { registerDecorator, ValidationOptions } from 'class-validator';

/**
 * A field an update refuses with the reason, rather than the bare "property x should not exist"
 * an unknown field gets: the caller meant to change it, and should know why it cannot.
 */
export function IsNotEditable(reason: string, options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isNotEditable',
      target: target.constructor,
      propertyName: propertyName as string,
      options: { message: `$property cannot be changed: ${reason}`, ...options },
      validator: { validate: (value: unknown) => value === undefined },
    });
}
