import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_WAIT_MS, waitMilliseconds, WaitUnit } from './wait-duration';

describe('waitMilliseconds', () => {
  it('converts each unit', () => {
    assert.equal(waitMilliseconds(1, 'seconds'), 1_000);
    assert.equal(waitMilliseconds(15, 'minutes'), 900_000);
    assert.equal(waitMilliseconds(3, 'hours'), 10_800_000);
    assert.equal(waitMilliseconds(2, 'days'), 172_800_000);
  });

  it('allows exactly 365 days, whatever the unit, and nothing longer', () => {
    assert.equal(MAX_WAIT_MS, 31_536_000_000);
    const limits: Array<[number, WaitUnit]> = [[365, 'days'], [8_760, 'hours'], [525_600, 'minutes'], [31_536_000, 'seconds']];
    for (const [amount, unit] of limits) {
      assert.equal(waitMilliseconds(amount, unit), MAX_WAIT_MS);
      assert.throws(() => waitMilliseconds(amount + 1, unit), (error: unknown) =>
        error instanceof RangeError && /longer than 365 days/.test(error.message));
    }
  });

  for (const amount of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
    it(`refuses an amount of ${amount}`, () => {
      assert.throws(() => waitMilliseconds(amount, 'days'), (error: unknown) =>
        error instanceof RangeError && /positive whole number/.test(error.message));
    });
  }

  for (const unit of ['weeks', 'Days', '', 'constructor', 'toString', '__proto__']) {
    it(`refuses the unit ${JSON.stringify(unit)}, naming it`, () => {
      assert.throws(() => waitMilliseconds(1, unit as WaitUnit), (error: unknown) =>
        error instanceof RangeError && error.message.includes(`unknown wait unit "${unit}"`));
    });
  }
});
