import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { WaitContext } from '@relance/db/repositories/enrollment.repository';
import { calendarWaitEnd } from './calendar-wait';

const OFFICE = { days: [1, 2, 3, 4, 5], hours: [{ start: '09:00', end: '17:00' }] };
const wait = (overrides: Partial<WaitContext>): WaitContext => ({
  amount: 1, unit: 'days', sendingDaysOnly: false, sendingWindow: null, campaignTimeZone: 'UTC', prospectTimeZone: null,
  ...overrides,
});
const end = (context: WaitContext, from: string) => calendarWaitEnd(context, new Date(from)).toISOString();

describe('calendarWaitEnd', () => {
  it("counts sending days on the prospect's calendar, not the campaign's", () => {
    // Friday 22:00 in Paris is already Saturday 02:45 in Kathmandu (UTC+5:45): + 1 is Monday there.
    const context = wait({ sendingDaysOnly: true, sendingWindow: OFFICE, campaignTimeZone: 'Europe/Paris', prospectTimeZone: 'Asia/Kathmandu' });
    assert.equal(end(context, '2026-01-16T21:00:00.000Z'), '2026-01-18T21:00:00.000Z'); // Mon 19 January 02:45 NPT
    // Read in Paris it would have been Monday 22:00, a day later.
    assert.equal(end({ ...context, prospectTimeZone: null }, '2026-01-16T21:00:00.000Z'), '2026-01-19T21:00:00.000Z');
  });

  it("keeps the prospect's local time across DST when the campaign has no window", () => {
    // St John's, Saturday 7 March 2026 10:00 NST (UTC-3:30) + 1 day = Sunday 10:00 NDT (UTC-2:30).
    assert.equal(end(wait({ prospectTimeZone: 'America/St_Johns' }), '2026-03-07T13:30:00.000Z'), '2026-03-08T12:30:00.000Z');
  });

  it("uses the campaign's zone for a prospect without a valid one", () => {
    // Dublin, Saturday 24 October 2026 10:00 IST (UTC+1) + 1 day = Sunday 10:00 GMT.
    for (const prospectTimeZone of [null, 'Nowhere/Special']) {
      assert.equal(end(wait({ campaignTimeZone: 'Europe/Dublin', prospectTimeZone }), '2026-10-24T09:00:00.000Z'), '2026-10-25T10:00:00.000Z');
    }
  });

  it('refuses a wait that is not in days', () => {
    assert.throws(() => end(wait({ unit: 'hours' }), '2026-01-16T21:00:00.000Z'), { name: 'RangeError', message: /counts days, not hours/ });
  });
});
