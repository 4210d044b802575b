import type { IANAZone } from 'luxon';
import { isKnownTimeZone } from '@relance/time-zones';
import {
  addDays, DAY_MS, instantAt, instantMs, isoWeekday, LocalDate, localDateTimeOf, MINUTE_MS, zoneNamed,
} from './wall-clock';

/** ISO weekday: 1 = Monday … 7 = Sunday. */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** Local clock times "HH:mm"; start inclusive, end exclusive; "24:00" as an end means midnight. */
export interface HourRange {
  start: string;
  end: string;
}

/**
 * When mail may leave, on the clock of `timeZone`.
 *
 * Daylight-saving rule: each range is open from the first instant the local clock shows its
 * start to the first instant it shows its end. A time shown twice (clocks going back)
 * therefore counts at its first occurrence, and a range is never split or opened twice;
 * a time never shown (clocks jumping forward) counts as the instant of the jump, so a range
 * starting or ending inside the gap starts or ends at the new time, and a range wholly
 * inside the gap does not open that day.
 */
export interface SendingWindow {
  /** IANA name, e.g. "Europe/Paris". */
  timeZone: string;
  /** Sorted, without duplicates once validated. */
  days: Weekday[];
  /** Sorted by start, not overlapping once validated. */
  hours: HourRange[];
}

export interface WindowProblem {
  field: string;
  message: string;
}

export type SendingWindowCheck = { ok: true; window: SendingWindow } | { ok: false; problems: WindowProblem[] };

/** A valid window opens at least once in any 8 days; searching further means a bug. */
const SEARCH_DAYS = 14;
const DAY_NAMES = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];
const CLOCK = /^(\d\d):(\d\d)$/;

export function validateSendingWindow(input: unknown): SendingWindowCheck {
  if (!isRecord(input)) {
    return { ok: false, problems: [{ field: 'window', message: 'must be an object with timeZone, days and hours' }] };
  }
  const problems: WindowProblem[] = [];
  const timeZone = checkTimeZone(input.timeZone, problems);
  const days = checkDays(input.days, problems);
  const hours = checkHours(input.hours, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, window: { timeZone, days, hours } };
}

/** The validated, normalised window, or a RangeError listing every problem. */
export function assertSendingWindow(window: SendingWindow): SendingWindow {
  const check = validateSendingWindow(window);
  if (!check.ok) {
    const list = check.problems.map((problem) => `${problem.field} ${problem.message}`).join('; ');
    throw new RangeError(`invalid sending window: ${list}`);
  }
  return check.window;
}

/** The earliest instant at or after `from` inside the window. */
export function nextSendTime(window: SendingWindow, from: Date): Date {
  const plan = planOf(window);
  const fromMs = instantMs(from);
  const today = localDateTimeOf(plan.zone, fromMs).date;
  for (let offset = 0; offset <= SEARCH_DAYS; offset++) {
    for (const [open, close] of openingsOn(plan, addDays(today, offset))) {
      if (fromMs < close) return new Date(Math.max(open, fromMs));
    }
  }
  throw new Error(`sending window in ${window.timeZone} does not open within ${SEARCH_DAYS} days of ${from.toISOString()}`);
}

/** Two weekly windows that ever meet do within a fortnight, whatever their zones and DST do. */
const COMMON_SEARCH_DAYS = 15;

/**
 * The earliest instant at or after `from` inside every one of `windows` (each on its own zone's
 * clock: a mailbox's and a campaign's), or null when they do not meet within a fortnight.
 * With no window at all, `from` itself.
 */
export function nextCommonSendTime(windows: SendingWindow[], from: Date): Date | null {
  const horizon = instantMs(from) + COMMON_SEARCH_DAYS * DAY_MS;
  let at = instantMs(from);
  while (at <= horizon) {
    // Each window's next opening from `at`; when none is later, all are open at `at`.
    const latest = Math.max(at, ...windows.map((window) => nextSendTime(window, new Date(at)).getTime()));
    if (latest === at) return new Date(at);
    at = latest;
  }
  return null;
}

/** Whether mail may leave at `at`: exactly when nextSendTime would send at once, so the two never disagree. */
export function isWithinWindow(window: SendingWindow, at: Date): boolean {
  return nextSendTime(window, at).getTime() === instantMs(at);
}

/** The prospect's own zone when it is a valid IANA name, else the campaign's. */
export function effectiveTimeZone(prospectTz: string | null | undefined, campaignTz: string): string {
  return isKnownTimeZone(prospectTz) ? prospectTz : campaignTz;
}

interface WindowPlan {
  zone: IANAZone;
  days: ReadonlySet<number>;
  ranges: { start: number; end: number }[]; // minutes of the day
}

function planOf(window: SendingWindow): WindowPlan {
  const valid = assertSendingWindow(window);
  return {
    zone: zoneNamed(valid.timeZone),
    days: new Set(valid.days),
    ranges: valid.hours.map((range) => ({ start: minutesOf(range.start)!, end: minutesOf(range.end, true)! })),
  };
}

/** The window's ranges on one local date, as [open, close) instants; empty ones dropped. */
function openingsOn(plan: WindowPlan, date: LocalDate): [number, number][] {
  if (!plan.days.has(isoWeekday(date))) return [];
  return plan.ranges
    .map(({ start, end }): [number, number] =>
      [instantAt(plan.zone, date, start * MINUTE_MS), instantAt(plan.zone, date, end * MINUTE_MS)])
    .filter(([open, close]) => open < close);
}

function checkTimeZone(value: unknown, problems: WindowProblem[]): string {
  if (typeof value !== 'string' || value === '') {
    problems.push({ field: 'timeZone', message: 'must be an IANA time zone name such as "Europe/Paris"' });
    return '';
  }
  if (!isKnownTimeZone(value)) {
    problems.push({ field: 'timeZone', message: `unknown time zone ${JSON.stringify(value)}` });
  }
  return value;
}

function checkDays(value: unknown, problems: WindowProblem[]): Weekday[] {
  if (!Array.isArray(value)) {
    problems.push({ field: 'days', message: 'must be a list of ISO weekdays, 1 (Monday) to 7 (Sunday)' });
    return [];
  }
  if (value.length === 0) {
    problems.push({ field: 'days', message: 'must name at least one sending day' });
    return [];
  }
  const seen = new Set<Weekday>();
  value.forEach((day: unknown, index) => {
    const field = `days[${index}]`;
    if (!Number.isInteger(day) || (day as number) < 1 || (day as number) > 7) {
      problems.push({ field, message: `must be a whole number from 1 (Monday) to 7 (Sunday), got ${show(day)}` });
    } else if (seen.has(day as Weekday)) {
      problems.push({ field, message: `repeats ${day} (${DAY_NAMES[(day as number) - 1]})` });
    } else {
      seen.add(day as Weekday);
    }
  });
  return [...seen].sort((a, b) => a - b);
}

function checkHours(value: unknown, problems: WindowProblem[]): HourRange[] {
  if (!Array.isArray(value)) {
    problems.push({ field: 'hours', message: 'must be a list of { start, end } ranges' });
    return [];
  }
  if (value.length === 0) {
    problems.push({ field: 'hours', message: 'must have at least one range' });
    return [];
  }
  const ranges: { index: number; range: HourRange; start: number; end: number }[] = [];
  value.forEach((range: unknown, index) => {
    const field = `hours[${index}]`;
    if (!isRecord(range)) {
      problems.push({ field, message: 'must be an object with start and end' });
      return;
    }
    const start = minutesOf(range.start);
    const end = minutesOf(range.end, true);
    if (start === null) {
      problems.push({ field: `${field}.start`, message: `must be a local time "HH:mm" from 00:00 to 23:59, got ${show(range.start)}` });
    }
    if (end === null) {
      problems.push({ field: `${field}.end`, message: `must be a local time "HH:mm" from 00:00 to 24:00, got ${show(range.end)}` });
    }
    if (start === null || end === null) return;
    if (start >= end) {
      const text = `${range.start}-${range.end}`;
      // "18:00-00:00" means until midnight; say how to write that rather than only refuse it.
      const hint = end === 0 ? '; end it at "24:00" to send until midnight' : '';
      problems.push({ field, message: `start must be before end, got ${text} (a range may not cross midnight${hint})` });
      return;
    }
    ranges.push({ index, range: { start: range.start as string, end: range.end as string }, start, end });
  });
  ranges.sort((a, b) => a.start - b.start || a.index - b.index);
  // Compare each range with the one reaching furthest before it, so a long range that
  // contains several short ones is reported against each of them.
  let reach = ranges[0];
  for (const later of ranges.slice(1)) {
    if (later.start < reach.end) {
      const [first, second] = reach.index < later.index ? [reach, later] : [later, reach];
      problems.push({
        field: `hours[${second.index}]`,
        message: `${second.range.start}-${second.range.end} overlaps hours[${first.index}] ${first.range.start}-${first.range.end}`,
      });
    }
    if (later.end > reach.end) reach = later;
  }
  return ranges.map(({ range }) => range);
}

/** Minutes since midnight of an "HH:mm" time, or null; "24:00" only when it may end a range. */
function minutesOf(value: unknown, isEnd = false): number | null {
  const match = typeof value === 'string' ? CLOCK.exec(value) : null;
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  if (isEnd && hours === 24 && minutes === 0) return 24 * 60;
  return hours < 24 && minutes < 60 ? hours * 60 + minutes : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}
