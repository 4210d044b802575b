import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { assertSendingWindow, validateSendingWindow } from './sending-window';

describe('validateSendingWindow', () => {
  const valid = { timeZone: 'Europe/Paris', days: [1, 2, 3, 4, 5], hours: [{ start: '09:00', end: '17:00' }] };

  it('normalises days and ranges into order without touching the input', () => {
    const input = { timeZone: 'Europe/Paris', days: [5, 1, 3], hours: [{ start: '14:00', end: '17:30' }, { start: '09:00', end: '12:00' }], extra: 1 };
    const copy = structuredClone(input);
    assert.deepEqual(validateSendingWindow(input), {
      ok: true,
      window: { timeZone: 'Europe/Paris', days: [1, 3, 5], hours: [{ start: '09:00', end: '12:00' }, { start: '14:00', end: '17:30' }] },
    });
    assert.deepEqual(input, copy);
  });

  it('accepts ranges that touch, and 24:00 as an end', () => {
    const check = validateSendingWindow({ ...valid, hours: [{ start: '12:00', end: '24:00' }, { start: '00:00', end: '12:00' }] });
    assert.equal(check.ok, true);
  });

  const invalid: Array<[string, unknown, string, RegExp]> = [
    ['null', null, 'window', /must be an object/],
    ['a string', 'Europe/Paris', 'window', /must be an object/],
    ['an array', [valid], 'window', /must be an object/],
    ['a missing time zone', { ...valid, timeZone: undefined }, 'timeZone', /IANA time zone name/],
    ['an empty time zone', { ...valid, timeZone: '' }, 'timeZone', /IANA time zone name/],
    ['a numeric time zone', { ...valid, timeZone: 1 }, 'timeZone', /IANA time zone name/],
    ['an unknown time zone', { ...valid, timeZone: 'Europe/Atlantis' }, 'timeZone', /^unknown time zone "Europe\/Atlantis"$/],
    ['an offset instead of a zone', { ...valid, timeZone: '+05:30' }, 'timeZone', /^unknown time zone "\+05:30"$/],
    ['an offset written without a colon', { ...valid, timeZone: '+0530' }, 'timeZone', /^unknown time zone "\+0530"$/],
    ['an offset after UTC', { ...valid, timeZone: 'UTC+2' }, 'timeZone', /^unknown time zone "UTC\+2"$/],
    ['days that are not a list', { ...valid, days: 'weekdays' }, 'days', /list of ISO weekdays/],
    ['no days', { ...valid, days: [] }, 'days', /at least one sending day/],
    ['day 0', { ...valid, days: [1, 0] }, 'days[1]', /from 1 \(Monday\) to 7 \(Sunday\), got 0$/],
    ['day 8', { ...valid, days: [8] }, 'days[0]', /got 8$/],
    ['day 1.5', { ...valid, days: [1.5] }, 'days[0]', /got 1.5$/],
    ['day "1"', { ...valid, days: ['1'] }, 'days[0]', /got "1"$/],
    ['a repeated day', { ...valid, days: [3, 1, 3] }, 'days[2]', /^repeats 3 \(Wednesday\)$/],
    ['hours that are not a list', { ...valid, hours: { start: '09:00', end: '17:00' } }, 'hours', /list of \{ start, end \}/],
    ['no hours', { ...valid, hours: [] }, 'hours', /at least one range/],
    ['a range that is a string', { ...valid, hours: ['09:00-17:00'] }, 'hours[0]', /object with start and end/],
    ['a one-digit hour', { ...valid, hours: [{ start: '9:00', end: '17:00' }] }, 'hours[0].start', /"HH:mm" from 00:00 to 23:59, got "9:00"$/],
    ['seconds', { ...valid, hours: [{ start: '09:00:00', end: '17:00' }] }, 'hours[0].start', /got "09:00:00"$/],
    ['minute 60', { ...valid, hours: [{ start: '12:60', end: '17:00' }] }, 'hours[0].start', /got "12:60"$/],
    ['a start at 24:00', { ...valid, hours: [{ start: '24:00', end: '24:00' }] }, 'hours[0].start', /got "24:00"$/],
    ['a missing start', { ...valid, hours: [{ end: '17:00' }] }, 'hours[0].start', /got undefined$/],
    ['an end at 25:00', { ...valid, hours: [{ start: '09:00', end: '25:00' }] }, 'hours[0].end', /"HH:mm" from 00:00 to 24:00, got "25:00"$/],
    ['an end at 24:30', { ...valid, hours: [{ start: '09:00', end: '24:30' }] }, 'hours[0].end', /got "24:30"$/],
    ['a numeric end', { ...valid, hours: [{ start: '09:00', end: 1700 }] }, 'hours[0].end', /got 1700$/],
    ['an empty range', { ...valid, hours: [{ start: '09:00', end: '09:00' }] }, 'hours[0]', /start must be before end, got 09:00-09:00/],
    ['a range across midnight', { ...valid, hours: [{ start: '22:00', end: '06:00' }] }, 'hours[0]', /got 22:00-06:00 \(a range may not cross midnight\)/],
    ['a range ending at 00:00, pointed to 24:00', { ...valid, hours: [{ start: '18:00', end: '00:00' }] }, 'hours[0]',
      /^start must be before end, got 18:00-00:00 \(a range may not cross midnight; end it at "24:00" to send until midnight\)$/],
    ['overlapping ranges', { ...valid, hours: [{ start: '09:00', end: '12:00' }, { start: '11:00', end: '13:00' }] },
      'hours[1]', /^11:00-13:00 overlaps hours\[0\] 09:00-12:00$/],
  ];
  for (const [name, input, field, message] of invalid) {
    it(`refuses ${name}, naming ${field}`, () => {
      const check = validateSendingWindow(input);
      assert.equal(check.ok, false);
      if (check.ok) return;
      assert.equal(check.problems.length, 1, JSON.stringify(check.problems));
      assert.equal(check.problems[0].field, field);
      assert.match(check.problems[0].message, message);
    });
  }

  it('reports overlaps between ranges listed out of order against their own indexes', () => {
    const check = validateSendingWindow({
      ...valid,
      hours: [{ start: '14:00', end: '17:00' }, { start: '09:00', end: '12:00' }, { start: '11:30', end: '14:30' }],
    });
    assert.deepEqual(check, { ok: false, problems: [
      { field: 'hours[2]', message: '11:30-14:30 overlaps hours[1] 09:00-12:00' },
      { field: 'hours[2]', message: '11:30-14:30 overlaps hours[0] 14:00-17:00' },
    ] });
  });

  it('reports each range inside a longer one', () => {
    const check = validateSendingWindow({
      ...valid,
      hours: [{ start: '08:00', end: '18:00' }, { start: '09:00', end: '10:00' }, { start: '12:00', end: '13:00' }],
    });
    assert.deepEqual(check, { ok: false, problems: [
      { field: 'hours[1]', message: '09:00-10:00 overlaps hours[0] 08:00-18:00' },
      { field: 'hours[2]', message: '12:00-13:00 overlaps hours[0] 08:00-18:00' },
    ] });
  });

  it('reports every problem at once', () => {
    const check = validateSendingWindow({ timeZone: 'Nowhere/Special', days: [], hours: [{ start: 'noon', end: '25:00' }] });
    assert.equal(check.ok, false);
    if (check.ok) return;
    assert.deepEqual(check.problems.map((problem) => problem.field), ['timeZone', 'days', 'hours[0].start', 'hours[0].end']);
  });

  it('assertSendingWindow throws a RangeError listing the problems', () => {
    assert.throws(() => assertSendingWindow({ timeZone: 'Europe/Paris', days: [], hours: [] }), {
      name: 'RangeError',
      message: 'invalid sending window: days must name at least one sending day; hours must have at least one range',
    });
  });
});
