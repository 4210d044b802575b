import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/**
 * Legacy names that are fixed offsets, without daylight saving: someone writing "EST" means
 * New York's time, which moves to UTC−4 in summer, not Panama's. Refused with a city to use.
 */
const FIXED_OFFSET_NAMES: Readonly<Record<string, string>> = {
  EST: 'a fixed UTC−05:00 offset without daylight saving: use a city zone such as America/New_York',
  MST: 'a fixed UTC−07:00 offset without daylight saving: use a city zone such as America/Denver, or America/Phoenix',
};

/**
 * ICU keeps some zones under the names they had before tzdata renamed them (CLDR never changes
 * an id): it spells "Asia/Kolkata" as "Asia/Calcutta". People write, and expect back, today's.
 */
const TODAYS_NAMES: Readonly<Record<string, string>> = {
  'Asia/Calcutta': 'Asia/Kolkata', 'Asia/Katmandu': 'Asia/Kathmandu', 'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Asia/Rangoon': 'Asia/Yangon', 'Europe/Kiev': 'Europe/Kyiv', 'Atlantic/Faeroe': 'Atlantic/Faroe',
  'America/Godthab': 'America/Nuuk', 'Pacific/Truk': 'Pacific/Chuuk', 'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Enderbury': 'Pacific/Kanton', 'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca', 'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Jujuy': 'America/Argentina/Jujuy', 'America/Mendoza': 'America/Argentina/Mendoza',
  'America/Indianapolis': 'America/Indiana/Indianapolis', 'America/Louisville': 'America/Kentucky/Louisville',
};

/** The canonical spelling of an IANA time zone ("europe/paris" → "Europe/Paris", "US/Eastern" → "America/New_York"), or null. */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || value.length === 0 || value.length > 64) return null;
  if (fixedOffsetProblem(value)) return null;
  try {
    const resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
    return TODAYS_NAMES[resolved] ?? resolved;
  } catch {
    return null;
  }
}

/** Why a name that ICU accepts is still refused, or null. */
export function fixedOffsetProblem(value: string): string | null {
  return FIXED_OFFSET_NAMES[value.trim().toUpperCase()] ?? null;
}

/** An IANA time zone name that this runtime (ICU) knows, such as "Europe/Paris" or "UTC". */
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
