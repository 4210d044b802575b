import { IANAZone } from 'luxon';

/*
 * A time zone in Relance is an IANA name ("Europe/Paris", "America/Argentina/Buenos_Aires",
 * "UTC", "Etc/GMT+5"). Its form is checked here, before the runtime is asked whether its tz
 * data knows the name, because what Intl accepts changes with the runtime: ECMA-402 now takes
 * UTC offsets as time zones, so Node 24's ICU accepts "+05:30", "+0530" or "−05:00" where
 * Node 20's refused them. An offset keeps no daylight saving: it is not where someone lives.
 */

/** Longer than any IANA name (the longest is 32 characters), short enough to refuse junk early. */
const MAX_NAME_LENGTH = 64;

/**
 * Parts separated by "/", each starting with an ASCII letter, then letters, digits and the
 * "._+-" of legacy names ("Etc/GMT+5", "EST5EDT", "GMT-0"): never a leading sign, a colon,
 * a space or a non-ASCII character, which is how offsets are written.
 */
const IANA_NAME_FORM = /^[A-Za-z][A-Za-z0-9._+-]*(?:\/[A-Za-z][A-Za-z0-9._+-]*)*$/;

/** "+02:00", "-0530", "+05", "UTC+2", "GMT−05:00" (a minus sign): an offset from UTC, however written. */
const UTC_OFFSET = /^(?:UTC|GMT)?\s*[+\-\u2212]\s*\d{1,2}(?::?\d{2}){0,2}$/i;

/** IANA's own legacy names for UTC that read like offsets. */
const IANA_NAMES_LIKE_OFFSETS: ReadonlySet<string> = new Set(['GMT+0', 'GMT-0']);

/** Whether `value` is an offset from UTC ("+02:00", "UTC+2") rather than a time zone name. */
export function isUtcOffset(value: string): boolean {
  const trimmed = value.trim();
  return UTC_OFFSET.test(trimmed) && !IANA_NAMES_LIKE_OFFSETS.has(trimmed.toUpperCase());
}

/** Whether `value` is written as an IANA time zone name, known or not, in any case. */
export function hasTimeZoneNameForm(value: string): boolean {
  return value.length <= MAX_NAME_LENGTH && IANA_NAME_FORM.test(value) && !isUtcOffset(value);
}

// Asking the runtime builds an Intl formatter (~80 µs); the set of valid names is small and fixed.
const knownNames = new Set<string>();

/**
 * An IANA time zone name that this runtime's tz data knows, in any case ("europe/paris").
 * Every runtime gives the same answer for the same tz data: offsets are refused by their form.
 */
export function isKnownTimeZone(name: unknown): name is string {
  if (typeof name !== 'string') return false;
  if (knownNames.has(name)) return true;
  if (!hasTimeZoneNameForm(name) || !IANAZone.isValidZone(name)) return false;
  knownNames.add(name);
  return true;
}
