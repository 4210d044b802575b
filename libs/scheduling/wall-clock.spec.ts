import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, DAY_MS, instantAt, isoWeekday, localDateTimeOf, zoneNamed } from './wall-clock';

const iso = (ms: number) => new Date(ms).toISOString();
const HOUR = 3_600_000;
const MINUTE = 60_000;

describe('calendar dates', () => {
  it('adds days across months, years and 29 February', () => {
    assert.deepEqual(addDays({ year: 2026, month: 1, day: 31 }, 1), { year: 2026, month: 2, day: 1 });
    assert.deepEqual(addDays({ year: 2026, month: 12, day: 31 }, 1), { year: 2027, month: 1, day: 1 });
    assert.deepEqual(addDays({ year: 2028, month: 2, day: 28 }, 1), { year: 2028, month: 2, day: 29 });
    assert.deepEqual(addDays({ year: 2026, month: 3, day: 1 }, -1), { year: 2026, month: 2, day: 28 });
  });

  it('names ISO weekdays', () => {
    assert.equal(isoWeekday({ year: 2026, month: 1, day: 12 }), 1); // a Monday
    assert.equal(isoWeekday({ year: 2026, month: 1, day: 17 }), 6);
    assert.equal(isoWeekday({ year: 2026, month: 1, day: 18 }), 7);
  });
});

describe('localDateTimeOf', () => {
  it('reads the local date, which may differ from the UTC date', () => {
    // 2026-01-16T21:00Z is Saturday 17 January 10:00 in Auckland (UTC+13).
    assert.deepEqual(localDateTimeOf(zoneNamed('Pacific/Auckland'), Date.parse('2026-01-16T21:00:00.000Z')),
      { date: { year: 2026, month: 1, day: 17 }, msOfDay: 10 * HOUR });
    // 2026-01-01T03:00Z is still 31 December 2025, 22:00, in New York (UTC-5).
    assert.deepEqual(localDateTimeOf(zoneNamed('America/New_York'), Date.parse('2026-01-01T03:00:00.000Z')),
      { date: { year: 2025, month: 12, day: 31 }, msOfDay: 22 * HOUR });
  });
});

describe('instantAt', () => {
  const paris = zoneNamed('Europe/Paris');
  const lordHowe = zoneNamed('Australia/Lord_Howe'); // half-hour DST: UTC+10:30 / UTC+11

  it('maps a plain local time to its one instant', () => {
    assert.equal(iso(instantAt(paris, { year: 2026, month: 1, day: 14 }, 9 * HOUR)), '2026-01-14T08:00:00.000Z');
    assert.equal(iso(instantAt(paris, { year: 2026, month: 7, day: 14 }, 9 * HOUR)), '2026-07-14T07:00:00.000Z');
  });

  it('maps "24:00" to the next midnight', () => {
    assert.equal(iso(instantAt(paris, { year: 2026, month: 1, day: 14 }, DAY_MS)), '2026-01-14T23:00:00.000Z');
  });

  it('maps a time inside the spring gap to the instant of the jump', () => {
    // Paris, 29 March 2026: 02:00 CET becomes 03:00 CEST at 01:00Z.
    const day = { year: 2026, month: 3, day: 29 };
    assert.equal(iso(instantAt(paris, day, 2 * HOUR)), '2026-03-29T01:00:00.000Z');
    assert.equal(iso(instantAt(paris, day, 2 * HOUR + 59 * MINUTE + 59_999)), '2026-03-29T01:00:00.000Z');
    assert.equal(iso(instantAt(paris, day, 2 * HOUR - 1)), '2026-03-29T00:59:59.999Z'); // 01:59:59.999 CET
    assert.equal(iso(instantAt(paris, day, 3 * HOUR)), '2026-03-29T01:00:00.000Z'); // 03:00 CEST
    // Lord Howe, 4 October 2026: 02:00 (+10:30) becomes 02:30 (+11) at 15:30Z.
    assert.equal(iso(instantAt(lordHowe, { year: 2026, month: 10, day: 4 }, 2 * HOUR + 15 * MINUTE)), '2026-10-03T15:30:00.000Z');
  });

  it('maps a time shown twice to its first occurrence', () => {
    // Paris, 25 October 2026: 03:00 CEST becomes 02:00 CET at 01:00Z; 02:30 is shown at 00:30Z and 01:30Z.
    const day = { year: 2026, month: 10, day: 25 };
    assert.equal(iso(instantAt(paris, day, 2 * HOUR + 30 * MINUTE)), '2026-10-25T00:30:00.000Z');
    assert.equal(iso(instantAt(paris, day, 3 * HOUR)), '2026-10-25T02:00:00.000Z'); // 03:00 CET, shown once
    // Lord Howe, 5 April 2026: 02:00 (+11) becomes 01:30 (+10:30) at 15:00Z; 01:45 is shown at 14:45Z and 15:15Z.
    assert.equal(iso(instantAt(lordHowe, { year: 2026, month: 4, day: 5 }, HOUR + 45 * MINUTE)), '2026-04-04T14:45:00.000Z');
  });
});
