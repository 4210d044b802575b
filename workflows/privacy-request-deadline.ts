import type { PrivacyDeadlineEvent } from '@relance/temporal/contracts';

/**
 * The next deadline event of a verified request not yet carried out: a reminder to staff at each
 * offset before the due date, then the escalation at the due date. `fired` holds the keys of
 * events recorded already (deadlineEventKey); an extension moves the due date, so its reminders
 * fire again against the new one. Null once everything has fired.
 */
export function nextDeadlineEvent(dueAt: string, offsetsMs: readonly number[], fired: ReadonlySet<string>): PrivacyDeadlineEvent | null {
  const due = Date.parse(dueAt);
  const events: PrivacyDeadlineEvent[] = [
    ...offsetsMs.map((offsetMs): PrivacyDeadlineEvent => ({ kind: 'reminder', offsetMs, at: new Date(due - offsetMs).toISOString() })),
    { kind: 'escalation', at: new Date(due).toISOString() },
  ];
  const pending = events.filter((event) => !fired.has(deadlineEventKey(event)));
  pending.sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
  return pending[0] ?? null;
}

export function deadlineEventKey(event: PrivacyDeadlineEvent): string {
  return event.kind === 'reminder' ? `reminder:${event.offsetMs}@${event.at}` : `escalation@${event.at}`;
}
