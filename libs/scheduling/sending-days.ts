import { assertSendingWindow, SendingWindow } from './sending-window';
import { waitMilliseconds } from './wait-duration';
import { addDays, instantAt, instantMs, isoWeekday, LocalDate, localDateTimeOf, zoneNamed } from './wall-clock';

export type CalendarWaitUnit = 'minutes' | 'hours' | 'days';

export type AddWaitOptions =
  | { sendingDaysOnly: false; window?: SendingWindow }
  | { sendingDaysOnly: true; window: SendingWindow };

const UNITS: readonly string[] = ['minutes', 'hours', 'days'] satisfies CalendarWaitUnit[];

/**
 * `from` plus a step's wait.
 *
 * Minutes and hours are plain durations. Days are calendar days on the clock of the
 * window's zone (UTC without a window): the result keeps the local time of `from`, so
 * "2 days" after 10:00 in Paris is 10:00 two dates later even across a DST change. With
 * `sendingDaysOnly`, only the window's sending days count: the result is on the n-th
 * sending day after the local date of `from` (Friday + 1 = Monday for Monday–Friday).
 * When that local time is shown twice on the target date, its first occurrence is used;
 * when it is never shown, the instant the clocks jump (as for `SendingWindow`).
 *
 * The result is not moved into the window's hours: that is `nextSendTime`'s job.
 */
export function addWait(from: Date, amount: number, unit: CalendarWaitUnit, options: AddWaitOptions): Date {
  if (!UNITS.includes(unit)) throw new RangeError(`unknown wait unit "${unit}"`);
  const duration = waitMilliseconds(amount, unit); // a positive whole number, at most 365 days
  const fromMs = instantMs(from);
  if (unit !== 'days') return new Date(fromMs + duration);

  if (options.sendingDaysOnly && !options.window) throw new RangeError('sendingDaysOnly needs a sending window');
  const window = options.window ? assertSendingWindow(options.window) : undefined;
  const zone = zoneNamed(window?.timeZone ?? 'UTC');
  const { date, msOfDay } = localDateTimeOf(zone, fromMs);
  const target = options.sendingDaysOnly && window ? nthSendingDayAfter(date, amount, new Set(window.days)) : addDays(date, amount);
  return new Date(instantAt(zone, target, msOfDay));
}

function nthSendingDayAfter(date: LocalDate, count: number, sendingDays: ReadonlySet<number>): LocalDate {
  // Bounded: a validated window has at least one sending day a week.
  let day = date;
  for (let found = 0; found < count; ) {
    day = addDays(day, 1);
    if (sendingDays.has(isoWeekday(day))) found++;
  }
  return day;
}
