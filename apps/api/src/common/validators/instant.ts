import { DateTime } from 'luxon';
import { registerDecorator, ValidationOptions } from 'class-validator';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
/** A date-time must say its offset: "2026-03-01T09:00" alone would mean the server's own clock. */
const WITH_OFFSET = /^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}(:?\d{2})?)$/i;

/** The instant an ISO 8601 date-time with offset, or a date (its 00:00 UTC), names; else null. */
export function instantOf(value: unknown): Date | null {
  if (typeof value !== 'string' || !(DATE_ONLY.test(value) || WITH_OFFSET.test(value))) return null;
  const parsed = DateTime.fromISO(value, { zone: 'utc' });
  return parsed.isValid ? parsed.toJSDate() : null;
}

/** An instant: `2026-03-01T09:00:00Z`, `2026-03-01T10:00:00+01:00`, or a date `2026-03-01` (00:00 UTC). */
export function IsInstant(options?: ValidationOptions): PropertyDecorator {
  return (target, propertyName) =>
    registerDecorator({
      name: 'isInstant',
      target: target.constructor,
      propertyName: propertyName as string,
      options: {
        message: '$property must be an ISO 8601 date-time with its offset (2026-03-01T09:00:00Z) or a date (2026-03-01)',
        ...options,
      },
      validator: { validate: (value: unknown) => instantOf(value) !== null },
    });
}
