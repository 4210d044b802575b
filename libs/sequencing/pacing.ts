import { nextSendTime, SendingWindow } from './sending-window';
import { addDays, DAY_MS, instantAt, localDateTimeOf, zoneNamed } from './wall-clock';

/** A mailbox's sending budget and where it stands today (its own time zone's day). */
export interface MailboxPace {
  mailboxId: string;
  dailyLimit: number;
  minSpacingMs: number;
  jitterMs: number;
  timeZone: string;
  state: PaceState | null;
}

export interface PaceState {
  /** Local date (YYYY-MM-DD) in the mailbox's time zone that `dayCount` counts. */
  day: string;
  dayCount: number;
  /** No send may be admitted before this instant. */
  nextSendAt: Date;
  /** The last slot handed to a waiting send: the next waiter queues after it. */
  queueTailAt: Date;
}

/** Why a send must wait: outside the sending window, the mailboxes spacing their sends, or at their daily limit. */
export type PaceWait = 'sending_window' | 'spacing' | 'daily_limit';

export type PaceDecision =
  | { kind: 'admit'; mailboxId: string; state: PaceState }
  /** `queued`: `until` is a place in a mailbox's line, to be shown back as `heldSlot`. */
  | { kind: 'defer'; reason: PaceWait; until: Date; queued: boolean; mailboxId?: string; state?: PaceState };

export interface PaceInput {
  now: Date;
  /** The window in the prospect's (else the campaign's) time zone; null: any time. */
  window: SendingWindow | null;
  /** The enrollment's mailbox once its first email went out: follow-ups stay in its thread. */
  assignedMailboxId: string | null;
  mailboxes: MailboxPace[];
  /** The queue slot an earlier decision gave this send, once it has come: it goes first. */
  heldSlot: Date | null;
  /** [0, 1): injected so tests are exact. */
  random: () => number;
}

/** Sends due at the same moment (a window opening) are spread over this, not woken at once. */
const WAKE_SPREAD_MS = 30_000;

/**
 * When may this email leave, and from which mailbox? Inside the sending window, from the
 * assigned mailbox or else the least loaded one with budget left today, once its spacing
 * since the previous send has passed. Otherwise: when to try again. Waiters get distinct
 * queue slots, so 500 due sends wake one by one rather than all at once.
 */
export function decidePace(input: PaceInput): PaceDecision {
  const now = input.now;
  if (input.window) {
    const opens = nextSendTime(input.window, now);
    if (opens.getTime() > now.getTime()) {
      return { kind: 'defer', reason: 'sending_window', until: spread(opens, input.random), queued: false };
    }
  }
  const candidates = input.mailboxes
    .filter((m) => !input.assignedMailboxId || m.mailboxId === input.assignedMailboxId)
    .map((m) => ({ mailbox: m, state: stateToday(m, now) }))
    .filter(({ mailbox, state }) => state.dayCount < mailbox.dailyLimit)
    .sort((a, b) => a.state.dayCount - b.state.dayCount);

  // A send holding a slot that has come goes ahead of newcomers; newcomers join the line.
  const holdsSlot = input.heldSlot !== null && input.heldSlot.getTime() <= now.getTime();
  const ready = candidates.find(
    ({ state }) => state.nextSendAt.getTime() <= now.getTime() && (holdsSlot || state.queueTailAt.getTime() <= now.getTime()),
  );
  if (ready) {
    const gap = ready.mailbox.minSpacingMs + Math.floor(input.random() * ready.mailbox.jitterMs);
    const nextSendAt = new Date(now.getTime() + gap);
    return {
      kind: 'admit',
      mailboxId: ready.mailbox.mailboxId,
      state: {
        day: ready.state.day,
        dayCount: ready.state.dayCount + 1,
        nextSendAt,
        queueTailAt: maxDate(ready.state.queueTailAt, nextSendAt),
      },
    };
  }
  if (candidates.length > 0 && holdsSlot) {
    // Its turn came a moment early (the previous send was admitted late): keep the place.
    const until = new Date(Math.min(...candidates.map(({ state }) => state.nextSendAt.getTime())));
    return { kind: 'defer', reason: 'spacing', until, queued: true };
  }
  if (candidates.length > 0) {
    // Busy mailboxes: take the earliest free slot in line and hold it for this send.
    const soonest = candidates
      .map(({ mailbox, state }) => ({ mailbox, state, slot: maxDate(state.nextSendAt, state.queueTailAt) }))
      .sort((a, b) => a.slot.getTime() - b.slot.getTime())[0];
    const queueTailAt = new Date(soonest.slot.getTime() + Math.max(soonest.mailbox.minSpacingMs, 1));
    return {
      kind: 'defer',
      reason: 'spacing',
      until: soonest.slot,
      queued: true,
      mailboxId: soonest.mailbox.mailboxId,
      state: { ...soonest.state, queueTailAt },
    };
  }
  // Every mailbox has used today's budget: try again when the first of them starts a new day.
  const pool = input.mailboxes.filter((m) => !input.assignedMailboxId || m.mailboxId === input.assignedMailboxId);
  if (pool.length === 0) throw new Error('the campaign has no mailbox to send from');
  const tomorrow = Math.min(...pool.map((m) => startOfNextDay(m.timeZone, now).getTime()));
  return { kind: 'defer', reason: 'daily_limit', until: spread(new Date(tomorrow), input.random), queued: false };
}

/** The mailbox's state for today in its own time zone: yesterday's count does not carry over. */
function stateToday(mailbox: MailboxPace, now: Date): PaceState {
  const day = localDay(mailbox.timeZone, now);
  const state = mailbox.state;
  if (state && state.day === day) return state;
  return {
    day,
    dayCount: 0,
    nextSendAt: state?.nextSendAt ?? new Date(0),
    queueTailAt: state?.queueTailAt ?? new Date(0),
  };
}

export function localDay(timeZone: string, at: Date): string {
  const { date } = localDateTimeOf(zoneNamed(timeZone), at.getTime());
  return `${date.year}-${String(date.month).padStart(2, '0')}-${String(date.day).padStart(2, '0')}`;
}

function startOfNextDay(timeZone: string, at: Date): Date {
  const zone = zoneNamed(timeZone);
  const { date } = localDateTimeOf(zone, at.getTime());
  const next = instantAt(zone, addDays(date, 1), 0);
  return new Date(Math.max(next, at.getTime() + 1) || at.getTime() + DAY_MS);
}

function spread(at: Date, random: () => number): Date {
  return new Date(at.getTime() + Math.floor(random() * WAKE_SPREAD_MS));
}

function maxDate(a: Date, b: Date): Date {
  return a.getTime() >= b.getTime() ? a : b;
}
