import { isKnownTimeZone, isUtcOffset } from './time-zone-names';

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
  // Links to their cities since tzdata 2024b; ICU 78.3 (Node 24) spells them as given, 78.2 (Node 20) as the city.
  EST5EDT: 'America/New_York', CST6CDT: 'America/Chicago', MST7MDT: 'America/Denver', PST8PDT: 'America/Los_Angeles',
};

/** Offsets are refused by their form: newer runtimes' Intl accepts "+02:00" as a zone, older ones do not. */
const UTC_OFFSET_PROBLEM =
  'a fixed offset from UTC, not a time zone: its clock ignores daylight saving; use a city zone such as Europe/Paris';

/**
 * The canonical spelling of an IANA time zone ("europe/paris" → "Europe/Paris", "US/Eastern" →
 * "America/New_York"), or null. The same on every supported runtime for the names its tz data knows.
 */
export function canonicalTimeZone(value: unknown): string | null {
  if (typeof value !== 'string' || fixedOffsetProblem(value) || !isKnownTimeZone(value)) return null;
  const resolved = new Intl.DateTimeFormat('en-US', { timeZone: value }).resolvedOptions().timeZone;
  return TODAYS_NAMES[resolved] ?? resolved;
}

/** Why a fixed offset is refused where a time zone is expected ("EST", "+02:00", "UTC+2"), or null. */
export function fixedOffsetProblem(value: string): string | null {
  return FIXED_OFFSET_NAMES[value.trim().toUpperCase()] ?? (isUtcOffset(value) ? UTC_OFFSET_PROBLEM : null);
}
