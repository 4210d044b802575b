import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  effectiveTimeZone, isWithinWindow, nextCommonSendTime, nextSendTime, SendingWindow, Weekday,
} from './sending-window';

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const EVERY_DAY: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
const SUNDAY: Weekday[] = [7];

function win(timeZone: string, days: Weekday[], ...ranges: string[]): SendingWindow {
  return { timeZone, days, hours: ranges.map((range) => ({ start: range.slice(0, 5), end: range.slice(6) })) };
}

const next = (window: SendingWindow, from: string) => nextSendTime(window, new Date(from)).toISOString();
const within = (window: SendingWindow, at: string) => isWithinWindow(window, new Date(at));

describe('nextSendTime on ordinary days', () => {
  // January: Paris is on CET, UTC+1. 2026-01-14 is a Wednesday.
  const office = win('Europe/Paris', WEEKDAYS, '14:00-17:30', '09:00-12:00');
  const cases: Array<[string, SendingWindow, string, string]> = [
    ['inside a range: unchanged, to the millisecond', office, '2026-01-14T09:15:00.123Z', '2026-01-14T09:15:00.123Z'], // Wed 10:15:00.123
    ['exactly at a start (inclusive)', office, '2026-01-14T08:00:00.000Z', '2026-01-14T08:00:00.000Z'], // Wed 09:00
    ['the last millisecond before an end', office, '2026-01-14T10:59:59.999Z', '2026-01-14T10:59:59.999Z'], // Wed 11:59:59.999
    ['exactly at an end (exclusive): the next range', office, '2026-01-14T11:00:00.000Z', '2026-01-14T13:00:00.000Z'], // Wed 12:00 -> 14:00
    ['between two ranges', office, '2026-01-14T12:00:00.000Z', '2026-01-14T13:00:00.000Z'], // Wed 13:00 -> 14:00
    ['before the first range', office, '2026-01-14T06:00:00.000Z', '2026-01-14T08:00:00.000Z'], // Wed 07:00 -> 09:00
    ['at the last end: next morning', office, '2026-01-14T16:30:00.000Z', '2026-01-15T08:00:00.000Z'], // Wed 17:30 -> Thu 09:00
    ['Friday evening: Monday', office, '2026-01-16T17:00:00.000Z', '2026-01-19T08:00:00.000Z'], // Fri 18:00 -> Mon 09:00
    ['Saturday: Monday', office, '2026-01-17T09:00:00.000Z', '2026-01-19T08:00:00.000Z'], // Sat 10:00 -> Mon 09:00
    ['late Sunday: Monday', office, '2026-01-18T22:59:00.000Z', '2026-01-19T08:00:00.000Z'], // Sun 23:59 -> Mon 09:00
    ['weekends only, from a Monday', win('Europe/Paris', [6, 7], '10:00-16:00'), '2026-01-19T09:00:00.000Z',
      '2026-01-24T09:00:00.000Z'], // Mon 10:00 -> Sat 10:00
    ['one hour a week, just missed', win('Europe/Paris', [3], '10:00-11:00'), '2026-01-14T10:00:00.000Z',
      '2026-01-21T09:00:00.000Z'], // Wed 11:00 -> next Wed 10:00
    ['a range ending at 24:00, last millisecond', win('Europe/Paris', EVERY_DAY, '22:00-24:00'), '2026-01-14T22:59:59.999Z',
      '2026-01-14T22:59:59.999Z'], // Wed 23:59:59.999
    ['a range ending at 24:00, at midnight', win('Europe/Paris', EVERY_DAY, '22:00-24:00'), '2026-01-14T23:00:00.000Z',
      '2026-01-15T21:00:00.000Z'], // Thu 00:00 -> Thu 22:00
    // Local date differs from the UTC date.
    ['New York Friday night is Saturday in UTC', win('America/New_York', WEEKDAYS, '20:00-23:00'), '2026-01-17T03:00:00.000Z',
      '2026-01-17T03:00:00.000Z'], // Fri 22:00 EST
    ['New York Thursday night: Friday morning', win('America/New_York', WEEKDAYS, '09:00-17:00'), '2026-01-16T02:00:00.000Z',
      '2026-01-16T14:00:00.000Z'], // Thu 21:00 EST -> Fri 09:00 EST
    ['Auckland Saturday is Friday in UTC', win('Pacific/Auckland', WEEKDAYS, '09:00-17:00'), '2026-01-16T21:00:00.000Z',
      '2026-01-18T20:00:00.000Z'], // Sat 10:00 NZDT (UTC+13) -> Mon 09:00 NZDT, a Sunday in UTC
    // Offsets that are not whole hours.
    ['Kolkata, a second before opening', win('Asia/Kolkata', WEEKDAYS, '09:00-18:00'), '2026-01-14T03:29:59.000Z',
      '2026-01-14T03:30:00.000Z'], // Wed 08:59:59 IST (UTC+5:30) -> 09:00
    ['Kolkata, at closing', win('Asia/Kolkata', WEEKDAYS, '09:00-18:00'), '2026-01-14T12:30:00.000Z',
      '2026-01-15T03:30:00.000Z'], // Wed 18:00 -> Thu 09:00
    ['Kolkata Saturday is Friday in UTC', win('Asia/Kolkata', WEEKDAYS, '09:00-18:00'), '2026-01-16T19:00:00.000Z',
      '2026-01-19T03:30:00.000Z'], // Sat 00:30 IST -> Mon 09:00
    ['Kolkata Friday is Thursday in UTC', win('Asia/Kolkata', WEEKDAYS, '09:00-18:00'), '2026-01-15T19:00:00.000Z',
      '2026-01-16T03:30:00.000Z'], // Fri 00:30 IST -> Fri 09:00
    ['Adelaide in summer, at closing', win('Australia/Adelaide', WEEKDAYS, '09:00-17:00'), '2026-01-14T06:30:00.000Z',
      '2026-01-14T22:30:00.000Z'], // Wed 17:00 ACDT (UTC+10:30) -> Thu 09:00
    ['Adelaide Friday evening', win('Australia/Adelaide', WEEKDAYS, '09:00-17:00'), '2026-01-16T06:30:00.000Z',
      '2026-01-18T22:30:00.000Z'], // Fri 17:00 ACDT -> Mon 09:00, a Sunday in UTC
    ['Kathmandu', win('Asia/Kathmandu', EVERY_DAY, '09:00-10:00'), '2026-01-14T00:00:00.000Z',
      '2026-01-14T03:15:00.000Z'], // 05:45 NPT (UTC+5:45) -> 09:00
    // The date line: Kiritimati (UTC+14) starts the year ten hours before UTC does.
    ['Kiritimati, the last evening of the year', win('Pacific/Kiritimati', WEEKDAYS, '09:00-12:00', '13:00-24:00'),
      '2026-12-31T09:59:59.999Z', '2026-12-31T09:59:59.999Z'], // Thu 31 December 23:59:59.999
    ['Kiritimati, New Year at midnight: 09:00, still 31 December in UTC',
      win('Pacific/Kiritimati', WEEKDAYS, '09:00-12:00', '13:00-24:00'), '2026-12-31T10:00:00.000Z',
      '2026-12-31T19:00:00.000Z'], // Fri 1 January 2027 00:00 -> 09:00
    ['Apia: a Friday-only window skips the Friday the zone never had', win('Pacific/Apia', [5], '09:00-17:00'),
      '2011-12-29T10:00:00.000Z', '2012-01-05T19:00:00.000Z'], // Thu 29 December 2011 00:00 (UTC-10) -> Fri 6 January 09:00 (UTC+14)
  ];
  for (const [name, window, from, expected] of cases) {
    it(name, () => assert.equal(next(window, from), expected));
  }
});

describe('nextSendTime across daylight-saving changes', () => {
  const paris = (days: Weekday[], range: string) => win('Europe/Paris', days, range);
  const newYork = (days: Weekday[], range: string) => win('America/New_York', days, range);
  const sydney = (days: Weekday[], range: string) => win('Australia/Sydney', days, range);
  const cases: Array<[string, SendingWindow, string, string]> = [
    // Paris, Sunday 29 March 2026: 02:00 CET (UTC+1) becomes 03:00 CEST (UTC+2) at 01:00Z.
    ['Paris spring: a start in the gap opens at the jump', paris(SUNDAY, '02:30-04:00'), '2026-03-28T23:00:00.000Z',
      '2026-03-29T01:00:00.000Z'], // 00:00 CET -> 03:00 CEST
    ['Paris spring: a range ending in the gap opens as usual', paris(SUNDAY, '01:00-02:30'), '2026-03-28T23:30:00.000Z',
      '2026-03-29T00:00:00.000Z'], // 00:30 CET -> 01:00 CET
    ['Paris spring: ...and closes at the jump', paris(SUNDAY, '01:00-02:30'), '2026-03-29T01:00:00.000Z',
      '2026-04-04T23:00:00.000Z'], // 03:00 CEST -> Sun 5 April 01:00 CEST
    ['Paris spring: a range wholly in the gap skips the day', paris(SUNDAY, '02:10-02:50'), '2026-03-28T23:00:00.000Z',
      '2026-04-05T00:10:00.000Z'], // 00:00 CET -> Sun 5 April 02:10 CEST
    ['Paris spring: office hours the next morning', paris(EVERY_DAY, '09:00-17:00'), '2026-03-28T16:00:00.000Z',
      '2026-03-29T07:00:00.000Z'], // Sat 17:00 CET -> Sun 09:00 CEST
    // Paris, Sunday 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00Z; 02:00-02:59 is shown twice.
    ['Paris autumn: a start shown twice opens at its first occurrence', paris(SUNDAY, '02:30-04:00'), '2026-10-24T22:00:00.000Z',
      '2026-10-25T00:30:00.000Z'], // 00:00 CEST -> 02:30 CEST
    ['Paris autumn: the range stays open through the repeat', paris(SUNDAY, '02:30-04:00'), '2026-10-25T01:15:00.000Z',
      '2026-10-25T01:15:00.000Z'], // 02:15 CET, second pass
    ['Paris autumn: open until the last millisecond before 04:00 CET', paris(SUNDAY, '02:30-04:00'), '2026-10-25T02:59:59.999Z',
      '2026-10-25T02:59:59.999Z'], // 03:59:59.999 CET
    ['Paris autumn: closed at 04:00 CET', paris(SUNDAY, '02:30-04:00'), '2026-10-25T03:00:00.000Z',
      '2026-11-01T01:30:00.000Z'], // 04:00 CET -> Sun 1 November 02:30 CET
    ['Paris autumn: an end shown twice closes at its first occurrence, for good', paris(SUNDAY, '01:00-02:30'),
      '2026-10-25T00:30:00.000Z', '2026-11-01T00:00:00.000Z'], // 02:30 CEST -> Sun 1 November 01:00 CET
    ['Paris autumn: office hours the next morning', paris(EVERY_DAY, '09:00-17:00'), '2026-10-24T15:00:00.000Z',
      '2026-10-25T08:00:00.000Z'], // Sat 17:00 CEST -> Sun 09:00 CET
    // Paris, Sunday 28 March 2027 (jump at 01:00Z) and Sunday 31 October 2027 (back at 01:00Z).
    ['Paris 2027 spring: the exact gap never opens', paris(EVERY_DAY, '02:00-03:00'), '2027-03-27T23:00:00.000Z',
      '2027-03-29T00:00:00.000Z'], // Sun 00:00 CET -> Mon 02:00 CEST
    ['Paris 2027 spring: office hours after the weekend', win('Europe/Paris', WEEKDAYS, '09:00-17:30'), '2027-03-26T16:30:00.000Z',
      '2027-03-29T07:00:00.000Z'], // Fri 17:30 CET -> Mon 09:00 CEST
    ['Paris 2027 autumn: the repeated hour opens at its first pass', paris(EVERY_DAY, '02:00-03:00'), '2027-10-30T22:00:00.000Z',
      '2027-10-31T00:00:00.000Z'], // 00:00 CEST -> 02:00 CEST
    ['Paris 2027 autumn: and is still open on its second pass', paris(EVERY_DAY, '02:00-03:00'), '2027-10-31T01:30:00.000Z',
      '2027-10-31T01:30:00.000Z'], // 02:30 CET
    ['Paris 2027 autumn: closed once the clock shows 03:00', paris(EVERY_DAY, '02:00-03:00'), '2027-10-31T02:00:00.000Z',
      '2027-11-01T01:00:00.000Z'], // 03:00 CET -> Mon 02:00 CET
    // New York, Sunday 8 March 2026: 02:00 EST (UTC-5) becomes 03:00 EDT (UTC-4) at 07:00Z.
    ['New York spring: a start in the gap opens at the jump', newYork(EVERY_DAY, '02:30-05:00'), '2026-03-08T05:00:00.000Z',
      '2026-03-08T07:00:00.000Z'], // 00:00 EST -> 03:00 EDT
    ['New York spring: office hours after the weekend', newYork(WEEKDAYS, '09:00-17:00'), '2026-03-06T22:00:00.000Z',
      '2026-03-09T13:00:00.000Z'], // Fri 17:00 EST -> Mon 09:00 EDT
    // New York, Sunday 1 November 2026: 02:00 EDT becomes 01:00 EST (UTC-5) at 06:00Z; 01:00-01:59 is shown twice.
    ['New York autumn: a start shown twice opens at its first occurrence', newYork(EVERY_DAY, '01:30-03:00'),
      '2026-11-01T04:00:00.000Z', '2026-11-01T05:30:00.000Z'], // 00:00 EDT -> 01:30 EDT
    ['New York autumn: still open on the second pass', newYork(EVERY_DAY, '01:30-03:00'), '2026-11-01T06:15:00.000Z',
      '2026-11-01T06:15:00.000Z'], // 01:15 EST
    ['New York autumn: closed at 03:00 EST', newYork(EVERY_DAY, '01:30-03:00'), '2026-11-01T08:00:00.000Z',
      '2026-11-02T06:30:00.000Z'], // 03:00 EST -> Mon 01:30 EST
    ['New York autumn: office hours after the weekend', newYork(WEEKDAYS, '09:00-17:00'), '2026-10-30T21:00:00.000Z',
      '2026-11-02T14:00:00.000Z'], // Fri 17:00 EDT -> Mon 09:00 EST
    // New York, Sunday 14 March 2027 (jump at 07:00Z) and Sunday 7 November 2027 (back at 06:00Z).
    ['New York 2027 spring: a range wholly in the gap skips a week', newYork(SUNDAY, '02:00-02:30'), '2027-03-14T05:00:00.000Z',
      '2027-03-21T06:00:00.000Z'], // 00:00 EST -> Sun 21 March 02:00 EDT
    ['New York 2027 autumn: opens at the first 01:00', newYork(SUNDAY, '01:00-01:30'), '2027-11-07T04:00:00.000Z',
      '2027-11-07T05:00:00.000Z'], // 00:00 EDT -> 01:00 EDT
    ['New York 2027 autumn: does not open again on the second pass', newYork(SUNDAY, '01:00-01:30'), '2027-11-07T05:45:00.000Z',
      '2027-11-14T06:00:00.000Z'], // 01:45 EDT -> Sun 14 November 01:00 EST
    // Sydney, Sunday 5 April 2026: 03:00 AEDT (UTC+11) becomes 02:00 AEST (UTC+10) at 16:00Z the day before in UTC.
    ['Sydney autumn: a start shown twice opens at its first occurrence', sydney(SUNDAY, '02:30-04:00'),
      '2026-04-04T13:00:00.000Z', '2026-04-04T15:30:00.000Z'], // 00:00 AEDT -> 02:30 AEDT
    ['Sydney autumn: still open on the second pass', sydney(SUNDAY, '02:30-04:00'), '2026-04-04T16:45:00.000Z',
      '2026-04-04T16:45:00.000Z'], // 02:45 AEST
    ['Sydney autumn: closed at 04:00 AEST', sydney(SUNDAY, '02:30-04:00'), '2026-04-04T18:00:00.000Z',
      '2026-04-11T16:30:00.000Z'], // 04:00 AEST -> Sun 12 April 02:30 AEST
    // Sydney, Sunday 4 October 2026: 02:00 AEST becomes 03:00 AEDT at 16:00Z the day before in UTC.
    ['Sydney spring: a start in the gap opens at the jump', sydney(SUNDAY, '02:30-04:00'), '2026-10-03T14:00:00.000Z',
      '2026-10-03T16:00:00.000Z'], // 00:00 AEST -> 03:00 AEDT
    ['Sydney spring: office hours after the weekend', sydney(WEEKDAYS, '09:00-17:00'), '2026-10-02T07:00:00.000Z',
      '2026-10-04T22:00:00.000Z'], // Fri 17:00 AEST -> Mon 09:00 AEDT, a Sunday in UTC
    // Sydney, Sunday 4 April 2027 (back at 2027-04-03T16:00Z) and Sunday 3 October 2027 (jump at 2027-10-02T16:00Z).
    ['Sydney 2027 autumn: the repeated hour opens at its first pass', sydney(EVERY_DAY, '02:00-03:00'), '2027-04-03T13:00:00.000Z',
      '2027-04-03T15:00:00.000Z'], // 00:00 AEDT -> 02:00 AEDT
    ['Sydney 2027 autumn: and is still open on its second pass', sydney(EVERY_DAY, '02:00-03:00'), '2027-04-03T16:30:00.000Z',
      '2027-04-03T16:30:00.000Z'], // 02:30 AEST
    ['Sydney 2027 spring: a range ending in the gap opens as usual', sydney(EVERY_DAY, '01:00-02:30'), '2027-10-02T14:30:00.000Z',
      '2027-10-02T15:00:00.000Z'], // 00:30 AEST -> 01:00 AEST
    ['Sydney 2027 spring: ...and closes at the jump', sydney(EVERY_DAY, '01:00-02:30'), '2027-10-02T16:00:00.000Z',
      '2027-10-03T14:00:00.000Z'], // 03:00 AEDT -> Mon 01:00 AEDT
    // Adelaide, half-hour offsets: 4 October 2026 02:00 ACST (UTC+9:30) becomes 03:00 ACDT (UTC+10:30) at 16:30Z;
    // 5 April 2026 03:00 ACDT becomes 02:00 ACST at 16:30Z.
    ['Adelaide spring: a start in the gap opens at the jump', win('Australia/Adelaide', SUNDAY, '02:30-04:00'),
      '2026-10-03T12:00:00.000Z', '2026-10-03T16:30:00.000Z'], // Sat 21:30 ACST -> Sun 03:00 ACDT
    ['Adelaide autumn: a start shown twice opens at its first occurrence', win('Australia/Adelaide', SUNDAY, '02:30-04:00'),
      '2026-04-04T12:00:00.000Z', '2026-04-04T16:00:00.000Z'], // Sat 22:30 ACDT -> Sun 02:30 ACDT
  ];
  for (const [name, window, from, expected] of cases) {
    it(name, () => assert.equal(next(window, from), expected));
  }

});

describe('a range on a day the clocks change, minute by minute', () => {
  // An oracle independent of the code under test: the wall clock as Intl prints it, read
  // each minute. A range opens at the first minute the clock shows its start (or later)
  // and closes at the first minute it shows its end (or later).
  function clockOf(timeZone: string): (ms: number) => string {
    const format = new Intl.DateTimeFormat('en-CA', {
      timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit',
    });
    return (ms) => {
      const part = Object.fromEntries(format.formatToParts(ms).map(({ type, value }) => [type, value]));
      return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
    };
  }

  // [zone, local date, range, an instant shortly before that local midnight]
  const nights: Array<[string, string, string, string]> = [
    ['Europe/Paris', '2026-03-29', '02:30-04:00', '2026-03-28T22:30:00Z'],
    ['Europe/Paris', '2026-03-29', '01:00-02:30', '2026-03-28T22:30:00Z'],
    ['Europe/Paris', '2026-03-29', '02:10-02:50', '2026-03-28T22:30:00Z'],
    ['Europe/Paris', '2026-10-25', '02:30-04:00', '2026-10-24T21:30:00Z'],
    ['Europe/Paris', '2026-10-25', '01:00-02:30', '2026-10-24T21:30:00Z'],
    ['Europe/Paris', '2027-10-31', '02:00-03:00', '2027-10-30T21:30:00Z'],
    ['America/New_York', '2026-03-08', '02:30-05:00', '2026-03-08T04:30:00Z'],
    ['America/New_York', '2026-11-01', '01:30-03:00', '2026-11-01T03:30:00Z'],
    ['Australia/Sydney', '2027-04-04', '02:00-03:00', '2027-04-03T12:30:00Z'],
    ['Australia/Sydney', '2027-10-03', '01:00-02:30', '2027-10-02T13:30:00Z'],
    ['Australia/Adelaide', '2026-10-04', '02:30-04:00', '2026-10-03T14:00:00Z'],
    ['Australia/Adelaide', '2026-04-05', '02:30-04:00', '2026-04-04T13:00:00Z'],
    ['Australia/Lord_Howe', '2026-04-05', '01:45-03:00', '2026-04-04T12:30:00Z'], // falls back half an hour
    ['Australia/Lord_Howe', '2026-10-04', '02:00-02:45', '2026-10-03T13:00:00Z'], // jumps half an hour, 02:00 to 02:30
    ['Pacific/Chatham', '2026-09-27', '02:45-04:00', '2026-09-26T10:45:00Z'], // +12:45 to +13:45 at 02:45
    ['Pacific/Chatham', '2026-04-05', '03:00-03:30', '2026-04-04T09:45:00Z'], // 03:45 back to 02:45
    ['America/St_Johns', '2026-03-08', '01:30-02:30', '2026-03-08T03:00:00Z'], // -03:30 to -02:30
    ['America/St_Johns', '2026-11-01', '01:30-03:00', '2026-11-01T02:00:00Z'],
    // Negative DST in tzdata: Irish Standard Time is the summer offset, GMT the winter one.
    ['Europe/Dublin', '2026-03-29', '00:30-01:30', '2026-03-28T23:30:00Z'],
    ['Europe/Dublin', '2026-10-25', '01:15-01:45', '2026-10-24T22:30:00Z'],
    // Morocco leaves +01 for Ramadan: clocks go back in February and forward in March.
    ['Africa/Casablanca', '2026-02-15', '02:30-03:30', '2026-02-14T22:30:00Z'],
    ['Africa/Casablanca', '2026-03-22', '02:15-03:30', '2026-03-21T23:30:00Z'],
    ['Antarctica/Troll', '2026-03-29', '00:30-02:00', '2026-03-28T23:30:00Z'], // jumps two hours, 01:00 to 03:00
    ['Antarctica/Troll', '2026-10-25', '01:30-02:30', '2026-10-24T21:30:00Z'], // 03:00 back to 01:00
    ['America/Sao_Paulo', '2026-11-01', '00:00-01:00', '2026-11-01T02:30:00Z'], // no DST since 2019: midnight exists
    // Whole days skipped when the zone crossed the date line: the range never opens.
    ['Pacific/Apia', '2011-12-30', '09:00-17:00', '2011-12-30T09:30:00Z'],
    ['Pacific/Kiritimati', '1994-12-31', '09:00-17:00', '1994-12-31T09:30:00Z'], // and a year's last day
  ];
  for (const [timeZone, date, range, scanFrom] of nights) {
    it(`${timeZone} ${range} on ${date}`, () => {
      const window = win(timeZone, EVERY_DAY, range);
      const clock = clockOf(timeZone);
      const [start, end] = [`${date} ${range.slice(0, 5)}`, `${date} ${range.slice(6)}`];
      let opensAt: number | undefined;
      let closesAt: number | undefined;
      for (let minute = 0; minute < 6 * 60; minute++) {
        const at = Date.parse(scanFrom) + minute * 60_000;
        if (opensAt === undefined && clock(at) >= start) opensAt = at;
        if (closesAt === undefined && clock(at) >= end) closesAt = at;
        const open = opensAt !== undefined && (closesAt === undefined || at < closesAt);
        assert.equal(isWithinWindow(window, new Date(at)), open, `at ${new Date(at).toISOString()} (${clock(at)})`);
      }
      assert.ok(closesAt !== undefined, 'the scan covers the whole range');
      if (opensAt! < closesAt) {
        assert.equal(nextSendTime(window, new Date(scanFrom)).getTime(), opensAt, 'opens where the oracle opens');
      }
    });
  }
});

describe('isWithinWindow', () => {
  const office = win('Europe/Paris', WEEKDAYS, '09:00-12:00', '14:00-17:30');
  const cases: Array<[string, SendingWindow, string, boolean]> = [
    ['a millisecond before a start', office, '2026-01-14T07:59:59.999Z', false], // Wed 08:59:59.999 CET
    ['at a start', office, '2026-01-14T08:00:00.000Z', true], // Wed 09:00
    ['a millisecond before an end', office, '2026-01-14T10:59:59.999Z', true], // Wed 11:59:59.999
    ['at an end', office, '2026-01-14T11:00:00.000Z', false], // Wed 12:00
    ['between ranges', office, '2026-01-14T12:00:00.000Z', false], // Wed 13:00
    ['in the second range', office, '2026-01-14T16:29:59.999Z', true], // Wed 17:29:59.999
    ['at the end of the second range', office, '2026-01-14T16:30:00.000Z', false], // Wed 17:30
    ['on a Saturday', office, '2026-01-17T09:00:00.000Z', false], // Sat 10:00
    ['a Friday in Auckland, Thursday in UTC', win('Pacific/Auckland', WEEKDAYS, '09:00-17:00'), '2026-01-15T21:00:00.000Z', true], // Fri 10:00 NZDT
    ['a Saturday in Auckland, Friday in UTC', win('Pacific/Auckland', WEEKDAYS, '09:00-17:00'), '2026-01-16T21:00:00.000Z', false], // Sat 10:00 NZDT
    ['Paris spring, just before the jump', win('Europe/Paris', SUNDAY, '02:30-04:00'), '2026-03-29T00:59:59.999Z', false], // 01:59:59.999 CET
    ['Paris spring, at the jump', win('Europe/Paris', SUNDAY, '02:30-04:00'), '2026-03-29T01:00:00.000Z', true], // 03:00 CEST
    ['Paris spring, at 04:00 CEST', win('Europe/Paris', SUNDAY, '02:30-04:00'), '2026-03-29T02:00:00.000Z', false], // 04:00 CEST
    ['Paris spring, range ending in the gap, just before the jump', win('Europe/Paris', SUNDAY, '01:00-02:30'),
      '2026-03-29T00:59:59.999Z', true], // 01:59:59.999 CET
    ['Paris autumn, range ending in the repeat, first pass', win('Europe/Paris', SUNDAY, '01:00-02:30'),
      '2026-10-25T00:29:59.999Z', true], // 02:29:59.999 CEST
    ['Paris autumn, range ending in the repeat, second pass', win('Europe/Paris', SUNDAY, '01:00-02:30'),
      '2026-10-25T01:15:00.000Z', false], // 02:15 CET
  ];
  for (const [name, window, at, expected] of cases) {
    it(name, () => assert.equal(within(window, at), expected));
  }
});

describe('nextCommonSendTime', () => {
  const common = (windows: SendingWindow[], from: string) => nextCommonSendTime(windows, new Date(from))?.toISOString() ?? null;

  it('is the start itself without any window, and one window\'s next opening with one', () => {
    assert.equal(common([], '2026-12-02T10:00:00.000Z'), '2026-12-02T10:00:00.000Z');
    const paris = win('Europe/Paris', WEEKDAYS, '09:00-17:00');
    assert.equal(common([paris], '2026-12-02T06:00:00Z'), next(paris, '2026-12-02T06:00:00Z'));
  });

  it('finds where windows on two clocks first overlap, hopping between their openings', () => {
    // Tokyo 09:00-11:00 is 00:00-02:00 UTC; Paris 01:30-03:00 (winter) is 00:30-02:00 UTC on
    // Paris's Tuesday, which is already Tuesday in Tokyo too.
    const tokyo = win('Asia/Tokyo', [2], '09:00-11:00');
    const paris = win('Europe/Paris', [2], '01:30-03:00');
    assert.equal(common([tokyo, paris], '2026-11-30T12:00:00Z'), '2026-12-01T00:30:00.000Z');
    assert.equal(common([paris, tokyo], '2026-12-01T01:00:00Z'), '2026-12-01T01:00:00.000Z');
  });

  it('is null for windows that never meet', () => {
    assert.equal(common([win('UTC', WEEKDAYS, '09:00-17:00'), win('UTC', [6, 7], '09:00-17:00')], '2026-12-02T10:00:00Z'), null);
    assert.equal(common([win('UTC', EVERY_DAY, '09:00-10:00'), win('UTC', EVERY_DAY, '10:00-11:00')], '2026-12-02T10:00:00Z'), null);
  });
});

describe('refusing bad arguments', () => {
  it('throws a RangeError for an invalid window rather than searching forever', () => {
    const noDays = { timeZone: 'Europe/Paris', days: [], hours: [{ start: '09:00', end: '17:00' }] };
    assert.throws(() => nextSendTime(noDays, new Date('2026-01-14T00:00:00Z')), { name: 'RangeError', message: /days must name at least one/ });
    assert.throws(() => isWithinWindow(noDays, new Date('2026-01-14T00:00:00Z')), { name: 'RangeError', message: /days must name at least one/ });
  });

  it('throws a RangeError for an invalid date', () => {
    const window = win('Europe/Paris', WEEKDAYS, '09:00-17:00');
    assert.throws(() => nextSendTime(window, new Date('not a date')), { name: 'RangeError', message: 'expected a valid Date' });
    assert.throws(() => isWithinWindow(window, new Date(Number.NaN)), { name: 'RangeError', message: 'expected a valid Date' });
  });
});

describe('effectiveTimeZone', () => {
  it("uses the prospect's zone when it is valid", () => {
    assert.equal(effectiveTimeZone('Asia/Kolkata', 'Europe/Paris'), 'Asia/Kolkata');
  });

  for (const prospect of [null, undefined, '', 'Mars/Olympus', ' Asia/Kolkata']) {
    it(`falls back to the campaign's zone for ${JSON.stringify(prospect)}`, () => {
      assert.equal(effectiveTimeZone(prospect, 'Europe/Paris'), 'Europe/Paris');
    });
  }
});
