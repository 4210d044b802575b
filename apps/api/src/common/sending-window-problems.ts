import type { StoredSendingWindow } from '@relance/db/entities/campaign.entity';
import type { FieldProblem } from '@relance/errors';
import { validateSendingWindow } from '@relance/scheduling';

/**
 * The calendar rules of a sending window (days 1-7 without repeats, ranges in order and not
 * overlapping), checked on the clock of `timeZone`; fields named as sent (`sendingWindow.hours.1`,
 * or `zoneField` for the zone). Campaigns and mailboxes share them, messages included.
 */
export function sendingWindowProblems(window: StoredSendingWindow, timeZone: string, zoneField = 'timeZone'): FieldProblem[] {
  const check = validateSendingWindow({ ...window, timeZone });
  if (check.ok) return [];
  return check.problems.map((problem) => {
    const field = problem.field === 'timeZone' ? zoneField : `sendingWindow.${problem.field.replace(/\[(\d+)\]/g, '.$1')}`;
    return { field, message: `${field}: ${problem.message}` };
  });
}
