import type { PrivacyRequest } from '@relance/db';

const DAY_MS = 86_400_000;
/** Due within this many days: shown as "due soon". */
export const DUE_SOON_DAYS = 7;

/** One line of the support home: ids, kinds and dates only (the screen needs no address). */
export interface HomeRequest {
  id: string;
  type: string;
  status: string;
  requester: string;
  createdAt: string;
  dueAt: string | null;
  /** Whole days until the due date, rounded up; negative or zero once overdue; null while unverified (no due date yet). */
  daysLeft: number | null;
  urgency: 'overdue' | 'due_soon' | 'on_time' | 'awaiting_verification';
}

/**
 * Open privacy requests in the order support should handle them: overdue first (the most
 * overdue on top), then by due date, then those still awaiting verification, oldest first.
 */
export function supportHome(requests: readonly PrivacyRequest[], now: Date): HomeRequest[] {
  const lines = requests.map((request): HomeRequest => {
    const due = request.status === 'verified' ? request.dueAt : null;
    // `|| 0`: no "-0 days" on screen.
    const daysLeft = due ? Math.ceil((due.getTime() - now.getTime()) / DAY_MS) || 0 : null;
    const urgency = !due ? 'awaiting_verification'
      : due <= now ? 'overdue'
        : daysLeft! <= DUE_SOON_DAYS ? 'due_soon' : 'on_time';
    return {
      id: request.id, type: request.type, status: request.status, requester: request.requester,
      createdAt: request.createdAt.toISOString(), dueAt: due?.toISOString() ?? null, daysLeft, urgency,
    };
  });
  return lines.sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
}

function sortKey(line: HomeRequest): string {
  // Due dates sort as ISO strings; unverified requests after every dated one, by age.
  return line.dueAt ? `0${line.dueAt}` : `1${line.createdAt}`;
}
