import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { deadlineEventKey, nextDeadlineEvent } from '../../workflows/privacy-request-deadline';

const DAY = 86_400_000;
const due = '2026-02-01T00:00:00.000Z';

describe('nextDeadlineEvent', () => {
  it('reminds 7, 3 and 1 days before, then escalates at the due date, in that order', () => {
    const fired = new Set<string>();
    const seen: string[] = [];
    for (let event = nextDeadlineEvent(due, [7 * DAY, 3 * DAY, DAY], fired); event; event = nextDeadlineEvent(due, [7 * DAY, 3 * DAY, DAY], fired)) {
      seen.push(`${event.kind}@${event.at}`);
      fired.add(deadlineEventKey(event));
    }
    assert.deepEqual(seen, [
      'reminder@2026-01-25T00:00:00.000Z', 'reminder@2026-01-29T00:00:00.000Z',
      'reminder@2026-01-31T00:00:00.000Z', 'escalation@2026-02-01T00:00:00.000Z',
    ]);
  });

  it('arms the reminders again against a new due date (an extension)', () => {
    const fired = new Set<string>();
    for (let event = nextDeadlineEvent(due, [DAY], fired); event; event = nextDeadlineEvent(due, [DAY], fired)) fired.add(deadlineEventKey(event));
    const later = '2026-03-01T00:00:00.000Z';
    assert.deepEqual(nextDeadlineEvent(later, [DAY], fired), { kind: 'reminder', offsetMs: DAY, at: '2026-02-28T00:00:00.000Z' });
  });
});
