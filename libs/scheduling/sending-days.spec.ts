import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addWait, AddWaitOptions, CalendarWaitUnit } from './sending-days';
import { SendingWindow, Weekday } from './sending-window';

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5];
const win = (timeZone: string, days: Weekday[] = WEEKDAYS): SendingWindow =>
  ({ timeZone, days, hours: [{ start: '09:00', end: '17:00' }] });
const PARIS = win('Europe/Paris');

function wait(from: string, amount: number, unit: CalendarWaitUnit, options: AddWaitOptions): string {
  return addWait(new Date(from), amount, unit, options).toISOString();
}

describe('addWait: minutes and hours are plain durations', () => {
  it('adds minutes across the Paris spring jump', () => {
    // 01:30 CET + 90 min = 04:00 CEST, an hour and a half later, not 03:00.
    assert.equal(wait('2026-03-29T00:30:00.000Z', 90, 'minutes', { sendingDaysOnly: false, window: PARIS }), '2026-03-29T02:00:00.000Z');
  });

  it('adds hours across the Paris spring jump', () => {
    // Sunday 00:00 CET + 3 h = 04:00 CEST.
    assert.equal(wait('2026-03-28T23:00:00.000Z', 3, 'hours', { sendingDaysOnly: false, window: PARIS }), '2026-03-29T02:00:00.000Z');
  });

  it('adds hours across the New York autumn change', () => {
    // Sunday 1 November 2026, 00:30 EDT + 2 h = 01:30 EST, the second 01:30 of the night.
    assert.equal(wait('2026-11-01T04:30:00.000Z', 2, 'hours', { sendingDaysOnly: false }), '2026-11-01T06:30:00.000Z');
  });

  it('does not skip weekends for hours, even with sendingDaysOnly', () => {
    // Friday 16 January 2026, 17:00 CET + 10 h = Saturday 03:00 CET.
    assert.equal(wait('2026-01-16T16:00:00.000Z', 10, 'hours', { sendingDaysOnly: true, window: PARIS }), '2026-01-17T02:00:00.000Z');
    assert.equal(wait('2026-01-16T16:00:00.000Z', 30, 'minutes', { sendingDaysOnly: true, window: PARIS }), '2026-01-16T16:30:00.000Z');
  });
});

describe('addWait: calendar days keep the local time', () => {
  const cases: Array<[string, string, number, SendingWindow | undefined, string]> = [
    ['Paris, over the spring jump (47 h)', '2026-03-27T09:00:00.000Z', 2, PARIS,
      '2026-03-29T08:00:00.000Z'], // Fri 10:00 CET -> Sun 10:00 CEST
    ['Paris, over the autumn change (49 h)', '2026-10-24T08:00:00.000Z', 2, PARIS,
      '2026-10-26T09:00:00.000Z'], // Sat 10:00 CEST -> Mon 10:00 CET
    ['Paris 2027, over the spring jump', '2027-03-27T09:00:00.000Z', 1, PARIS,
      '2027-03-28T08:00:00.000Z'], // Sat 10:00 CET -> Sun 10:00 CEST
    ['Paris 2027, over the autumn change', '2027-10-30T08:00:00.000Z', 1, PARIS,
      '2027-10-31T09:00:00.000Z'], // Sat 10:00 CEST -> Sun 10:00 CET
    ['New York, over the spring jump', '2026-03-07T14:00:00.000Z', 1, win('America/New_York'),
      '2026-03-08T13:00:00.000Z'], // Sat 09:00 EST -> Sun 09:00 EDT
    ['New York 2027, over the autumn change', '2027-11-06T13:00:00.000Z', 1, win('America/New_York'),
      '2027-11-07T14:00:00.000Z'], // Sat 09:00 EDT -> Sun 09:00 EST
    ['Sydney, over the spring jump', '2026-10-03T00:00:00.000Z', 1, win('Australia/Sydney'),
      '2026-10-03T23:00:00.000Z'], // Sat 10:00 AEST -> Sun 10:00 AEDT
    ['Sydney 2027, over the autumn change', '2027-04-02T23:00:00.000Z', 2, win('Australia/Sydney'),
      '2027-04-05T00:00:00.000Z'], // Sat 10:00 AEDT -> Mon 10:00 AEST
    ['without a window, in UTC', '2026-03-27T09:00:00.000Z', 2, undefined, '2026-03-29T09:00:00.000Z'],
    ['a year, the longest wait', '2026-01-14T09:00:00.000Z', 365, PARIS,
      '2027-01-14T09:00:00.000Z'], // Wed 14 January 2026 10:00 CET -> Thu 14 January 2027 10:00 CET
    // Landing on a local time that does not exist, or occurs twice.
    ['onto the Paris gap: the instant of the jump', '2026-03-28T01:30:00.000Z', 1, PARIS,
      '2026-03-29T01:00:00.000Z'], // Sat 02:30 CET -> Sun 02:30 does not exist -> 03:00 CEST
    ['onto the Paris repeat: the first occurrence', '2026-10-24T00:30:00.000Z', 1, PARIS,
      '2026-10-25T00:30:00.000Z'], // Sat 02:30 CEST -> Sun 02:30 CEST
    ['from the second occurrence of a repeated time', '2026-10-25T01:30:00.000Z', 1, PARIS,
      '2026-10-26T01:30:00.000Z'], // Sun 02:30 CET -> Mon 02:30 CET
    ['onto the Sydney gap', '2026-10-02T16:30:00.000Z', 1, win('Australia/Sydney'),
      '2026-10-03T16:00:00.000Z'], // Sat 02:30 AEST -> Sun 02:30 does not exist -> 03:00 AEDT
    ['onto the New York repeat', '2026-10-31T05:30:00.000Z', 1, win('America/New_York'),
      '2026-11-01T05:30:00.000Z'], // Sat 01:30 EDT -> Sun 01:30 EDT (first)
    ['keeps seconds and milliseconds', '2026-01-14T09:15:30.250Z', 3, PARIS,
      '2026-01-17T09:15:30.250Z'], // Wed 10:15:30.250 CET -> Sat 10:15:30.250 CET
    ['Kolkata, whose local date differs from UTC', '2026-01-14T19:00:00.000Z', 1, win('Asia/Kolkata'),
      '2026-01-15T19:00:00.000Z'], // Thu 00:30 IST -> Fri 00:30 IST
    ['Chatham, over its spring jump (+12:45 to +13:45)', '2026-09-25T21:15:00.000Z', 1, win('Pacific/Chatham'),
      '2026-09-26T20:15:00.000Z'], // Sat 10:00 -> Sun 10:00
    ['Troll, over its two-hour jump', '2026-03-28T10:00:00.000Z', 1, win('Antarctica/Troll'),
      '2026-03-29T08:00:00.000Z'], // Sat 10:00 +00 -> Sun 10:00 +02
  ];
  for (const [name, from, days, window, expected] of cases) {
    it(name, () => assert.equal(wait(from, days, 'days', { sendingDaysOnly: false, window }), expected));
  }
});

describe('addWait: sending days', () => {
  const cases: Array<[string, string, number, SendingWindow, string]> = [
    ['Friday + 1 is Monday', '2026-01-16T09:00:00.000Z', 1, PARIS,
      '2026-01-19T09:00:00.000Z'], // Fri 10:00 CET -> Mon 10:00 CET
    ['Monday + 1 is Tuesday', '2026-01-12T09:00:00.000Z', 1, PARIS,
      '2026-01-13T09:00:00.000Z'], // Mon 10:00 -> Tue 10:00
    ['Friday + 5 is the next Friday', '2026-01-16T09:00:00.000Z', 5, PARIS,
      '2026-01-23T09:00:00.000Z'], // Fri 10:00 -> Fri 10:00
    ['Friday + 6 is the Monday after', '2026-01-16T09:00:00.000Z', 6, PARIS,
      '2026-01-26T09:00:00.000Z'], // Fri 10:00 -> Mon 10:00
    ['Saturday + 1 is Monday', '2026-01-17T09:00:00.000Z', 1, PARIS,
      '2026-01-19T09:00:00.000Z'], // Sat 10:00 -> Mon 10:00
    ['Sunday evening + 1 is Monday', '2026-01-18T19:00:00.000Z', 1, PARIS,
      '2026-01-19T19:00:00.000Z'], // Sun 20:00 -> Mon 20:00
    ['Tuesdays and Thursdays: Tuesday + 1', '2026-01-13T09:00:00.000Z', 1, win('Europe/Paris', [2, 4]),
      '2026-01-15T09:00:00.000Z'], // Tue 10:00 -> Thu 10:00
    ['Tuesdays and Thursdays: Tuesday + 3', '2026-01-13T09:00:00.000Z', 3, win('Europe/Paris', [2, 4]),
      '2026-01-22T09:00:00.000Z'], // Tue 13 -> Thu 15, Tue 20, Thu 22 at 10:00
    ['Paris, Friday + 1 over the spring jump', '2026-03-27T09:00:00.000Z', 1, PARIS,
      '2026-03-30T08:00:00.000Z'], // Fri 10:00 CET -> Mon 10:00 CEST
    ['Paris, Friday + 1 over the autumn change', '2026-10-23T08:00:00.000Z', 1, PARIS,
      '2026-10-26T09:00:00.000Z'], // Fri 10:00 CEST -> Mon 10:00 CET
    ['New York Friday night, Saturday in UTC', '2026-01-17T03:00:00.000Z', 1, win('America/New_York'),
      '2026-01-20T03:00:00.000Z'], // Fri 22:00 EST -> Mon 22:00 EST
    ['Sydney, Friday + 1 over the spring jump', '2026-10-02T00:00:00.000Z', 1, win('Australia/Sydney'),
      '2026-10-04T23:00:00.000Z'], // Fri 10:00 AEST -> Mon 10:00 AEDT
    ['Kolkata Friday, Thursday in UTC', '2026-01-15T19:00:00.000Z', 1, win('Asia/Kolkata'),
      '2026-01-18T19:00:00.000Z'], // Fri 00:30 IST -> Mon 00:30 IST
    ['Adelaide, Friday + 1', '2026-01-15T23:30:00.000Z', 1, win('Australia/Adelaide'),
      '2026-01-18T23:30:00.000Z'], // Fri 10:00 ACDT -> Mon 10:00 ACDT
    ['Lord Howe, Friday + 1 over its half-hour jump', '2026-10-01T23:30:00.000Z', 1, win('Australia/Lord_Howe'),
      '2026-10-04T23:00:00.000Z'], // Fri 10:00 +10:30 -> Mon 10:00 +11
    ['St John\'s, Friday + 1 over the spring jump', '2026-03-06T13:30:00.000Z', 1, win('America/St_Johns'),
      '2026-03-09T12:30:00.000Z'], // Fri 10:00 -03:30 -> Mon 10:00 -02:30
    ['Dublin, Friday + 1 as Irish Standard Time ends (negative DST in tzdata)', '2026-10-23T09:00:00.000Z', 1,
      win('Europe/Dublin'), '2026-10-26T10:00:00.000Z'], // Fri 10:00 IST -> Mon 10:00 GMT
    ['Casablanca, Friday + 1 as Ramadan time begins', '2026-02-13T09:00:00.000Z', 1, win('Africa/Casablanca'),
      '2026-02-16T10:00:00.000Z'], // Fri 10:00 +01 -> Mon 10:00 +00
    ['Kiritimati, Thursday 31 December + 1 is New Year\'s Day', '2026-12-30T20:00:00.000Z', 1, win('Pacific/Kiritimati'),
      '2026-12-31T20:00:00.000Z'], // Thu 10:00 +14 -> Fri 1 January 2027 10:00, 31 December in UTC
    ['Kiritimati, Thursday 31 December + 2 is Monday 4 January', '2026-12-30T20:00:00.000Z', 2, win('Pacific/Kiritimati'),
      '2027-01-03T20:00:00.000Z'], // Thu 10:00 +14 -> Mon 10:00
    ['365 sending days from a Monday is 73 weeks on', '2026-01-12T09:00:00.000Z', 365, PARIS,
      '2027-06-07T08:00:00.000Z'], // Mon 12 January 2026 10:00 CET -> Mon 7 June 2027 10:00 CEST
  ];
  for (const [name, from, days, window, expected] of cases) {
    it(name, () => assert.equal(wait(from, days, 'days', { sendingDaysOnly: true, window }), expected));
  }
});

describe('addWait: refusing bad arguments', () => {
  const from = new Date('2026-01-14T09:00:00.000Z');
  const plain: AddWaitOptions = { sendingDaysOnly: false, window: PARIS };

  for (const amount of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`refuses an amount of ${amount}`, () => {
      assert.throws(() => addWait(from, amount, 'days', plain), { name: 'RangeError', message: /positive whole number/ });
    });
  }

  const limits: Array<[number, CalendarWaitUnit]> = [[365, 'days'], [8_760, 'hours'], [525_600, 'minutes']];
  for (const [amount, unit] of limits) {
    it(`allows ${amount} ${unit} and refuses one more`, () => {
      assert.doesNotThrow(() => addWait(from, amount, unit, plain));
      assert.throws(() => addWait(from, amount + 1, unit, plain), { name: 'RangeError', message: /longer than 365 days/ });
      assert.throws(() => addWait(from, amount + 1, unit, { sendingDaysOnly: true, window: PARIS }), { name: 'RangeError' });
    });
  }

  for (const unit of ['seconds', 'weeks', 'Days', 'constructor']) {
    it(`refuses the unit ${JSON.stringify(unit)}`, () => {
      assert.throws(() => addWait(from, 1, unit as CalendarWaitUnit, plain), { name: 'RangeError', message: `unknown wait unit "${unit}"` });
    });
  }

  it('refuses sending days without a window', () => {
    const options = { sendingDaysOnly: true } as AddWaitOptions;
    assert.throws(() => addWait(from, 1, 'days', options), { name: 'RangeError', message: 'sendingDaysOnly needs a sending window' });
  });

  it('refuses an invalid window, naming the problem', () => {
    const noDays = { ...PARIS, days: [] };
    assert.throws(() => addWait(from, 1, 'days', { sendingDaysOnly: true, window: noDays }), { name: 'RangeError', message: /days must name at least one/ });
    const nowhere = { ...PARIS, timeZone: 'Nowhere/Special' };
    assert.throws(() => addWait(from, 1, 'days', { sendingDaysOnly: false, window: nowhere }), { name: 'RangeError', message: /unknown time zone "Nowhere\/Special"/ });
  });

  it('refuses an invalid date', () => {
    assert.throws(() => addWait(new Date('never'), 1, 'hours', plain), { name: 'RangeError', message: 'expected a valid Date' });
  });
});
