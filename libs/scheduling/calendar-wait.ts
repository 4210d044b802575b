import type { WaitContext } from '@relance/db/repositories/enrollment.repository';
import { addWait } from './sending-days';
import { effectiveTimeZone, SendingWindow } from './sending-window';

/**
 * When a wait in days ends: the same local time N days later in the prospect's (else the
 * campaign's) time zone, across DST; with `sendingDaysOnly`, counting only window days.
 */
export function calendarWaitEnd(wait: WaitContext, from: Date): Date {
  const timeZone = effectiveTimeZone(wait.prospectTimeZone, wait.campaignTimeZone);
  const window: SendingWindow = {
    timeZone,
    days: (wait.sendingWindow?.days ?? [1, 2, 3, 4, 5, 6, 7]) as SendingWindow['days'],
    hours: wait.sendingWindow?.hours ?? [{ start: '00:00', end: '24:00' }],
  };
  if (wait.unit !== 'days') throw new RangeError(`a calendar wait counts days, not ${wait.unit}`);
  return wait.sendingDaysOnly
    ? addWait(from, wait.amount, 'days', { sendingDaysOnly: true, window })
    : addWait(from, wait.amount, 'days', { sendingDaysOnly: false, window });
}
