export type WaitUnit = 'seconds' | 'minutes' | 'hours' | 'days';

const UNIT_MS: Record<WaitUnit, number> = {
  seconds: 1_000,
  minutes: 60_000,
  hours: 3_600_000,
  days: 86_400_000,
};

/** Longest wait a step may ask for: beyond a year a sequence has lost its thread. */
export const MAX_WAIT_MS = 365 * UNIT_MS.days;

export function waitMilliseconds(amount: number, unit: WaitUnit): number {
  if (!Number.isInteger(amount) || amount < 1) throw new RangeError('wait amount must be a positive whole number');
  // Own keys only: `in` would let "constructor" or "toString" through and return NaN.
  if (!Object.hasOwn(UNIT_MS, unit)) throw new RangeError(`unknown wait unit "${unit}"`);
  const ms = amount * UNIT_MS[unit];
  if (ms > MAX_WAIT_MS) throw new RangeError('wait is longer than 365 days');
  return ms;
}
