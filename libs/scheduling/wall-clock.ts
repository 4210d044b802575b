import { IANAZone } from 'luxon';
import { isKnownTimeZone } from '@relance/time-zones';

/** A calendar date with no time zone attached. */
export interface LocalDate {
  year: number;
  month: number; // 1..12
  day: number;
}

/** What a clock on the wall of `zone` shows at some instant. */
export interface LocalDateTime {
  date: LocalDate;
  msOfDay: number;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

export function zoneNamed(timeZone: string): IANAZone {
  if (!isKnownTimeZone(timeZone)) {
    throw new RangeError(`unknown time zone ${JSON.stringify(timeZone)}`);
  }
  return IANAZone.create(timeZone);
}

export function instantMs(instant: Date): number {
  const ms = instant instanceof Date ? instant.getTime() : Number.NaN;
  if (!Number.isFinite(ms)) throw new RangeError('expected a valid Date');
  return ms;
}

/**
 * The wall clock at `instant`, encoded as a UTC timestamp: its UTC fields are the local
 * date and time. Only this encoding is compared; it is never an instant itself.
 */
function wallAt(zone: IANAZone, instant: number): number {
  return instant + zone.offset(instant) * MINUTE_MS;
}

export function localDateTimeOf(zone: IANAZone, instant: number): LocalDateTime {
  const wall = wallAt(zone, instant);
  const msOfDay = ((wall % DAY_MS) + DAY_MS) % DAY_MS;
  const day = new Date(wall - msOfDay);
  return {
    date: { year: day.getUTCFullYear(), month: day.getUTCMonth() + 1, day: day.getUTCDate() },
    msOfDay,
  };
}

function epochDay(date: LocalDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

export function addDays(date: LocalDate, days: number): LocalDate {
  const moved = new Date((epochDay(date) + days) * DAY_MS);
  return { year: moved.getUTCFullYear(), month: moved.getUTCMonth() + 1, day: moved.getUTCDate() };
}

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: LocalDate): number {
  return ((new Date(epochDay(date) * DAY_MS).getUTCDay() + 6) % 7) + 1;
}

/**
 * The first instant at which the clock in `zone` shows `date` at `msOfDay` or later
 * (`msOfDay` may be a whole day: the next midnight).
 *
 * - A wall time that exists once maps to that instant.
 * - A wall time shown twice (clocks going back) maps to its first occurrence.
 * - A wall time that is never shown (clocks jumping forward over it) maps to the instant
 *   the clocks jump, the first valid instant after the gap: 02:30 on a day when 02:00
 *   becomes 03:00 maps to 03:00 after the change.
 */
export function instantAt(zone: IANAZone, date: LocalDate, msOfDay: number): number {
  const wall = epochDay(date) * DAY_MS + msOfDay;
  // Offsets run from -12h to +14h, so every instant showing `wall` lies within these bounds.
  // Real zones change offset at most once in such a span.
  const offsetBefore = zone.offset(wall - 15 * HOUR_MS) * MINUTE_MS;
  const offsetAfter = zone.offset(wall + 13 * HOUR_MS) * MINUTE_MS;
  const candidates = offsetBefore === offsetAfter ? [wall - offsetBefore] : [wall - offsetBefore, wall - offsetAfter];
  const showing = candidates.filter((t) => wallAt(zone, t) === wall);
  if (showing.length > 0) return Math.min(...showing);
  if (!(offsetAfter > offsetBefore)) {
    throw new Error(`cannot place ${new Date(wall).toISOString().slice(0, 19)} in ${zone.name}`);
  }
  // In a gap: the clock shows less than `wall` until the jump and more from then on. Jumps
  // fall on whole seconds (the precision of zone offsets), so search seconds.
  let low = Math.floor((wall - offsetAfter) / 1000);
  let high = Math.ceil((wall - offsetBefore) / 1000);
  while (low < high) {
    const middle = Math.floor((low + high) / 2);
    if (wallAt(zone, middle * 1000) >= wall) high = middle;
    else low = middle + 1;
  }
  return high * 1000;
}
