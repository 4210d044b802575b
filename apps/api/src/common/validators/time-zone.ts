import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';
import { canonicalTimeZone, fixedOffsetProblem } from '@relance/time-zones';

// Moved to libs/time-zones (CSV imports check zones outside the API too); exported here as before.
export { canonicalTimeZone, fixedOffsetProblem };

/** An IANA time zone name that this runtime's tz data knows, such as "Europe/Paris" or "UTC"; never an offset. */
export function IsTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isTimeZone',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: ({ property, value }: ValidationArguments) => {
          const trap = typeof value === 'string' ? fixedOffsetProblem(value) : null;
          return trap ? `${property} "${value.trim()}" is ${trap}` : `${property} must be an IANA time zone such as Europe/Paris`;
        },
        ...options,
      },
      validator: { validate: (value: unknown) => canonicalTimeZone(value) !== null },
    });
}
