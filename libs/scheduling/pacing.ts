import { nextCommonSendTime, SendingWindow } from './sending-window';
import { addDays, DAY_MS, instantAt, localDateTimeOf, zoneNamed } from './wall-clock';

/** A mailbox's sending budget and where it stands today (its own time zone's day). */
export interface MailboxPace {
  mailboxId: string;
  dailyLimit: number;
  minSpacingMs: number;
  jitterMs: number;
  timeZone: string;
  /** Sends nothing: out of the rotation, and a thread on it is held until it is enabled again. */
  disabled: boolean;
  /** The mailbox's own window, on its zone's clock (`timeZone`); null: any time. */
  window: SendingWindow | null;
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

/**
 * Why a send must wait: outside the campaign's sending window or the mailbox's own, the
 * mailboxes spacing their sends, or at their daily limit.
 */
export type PaceWait = 'sending_window' | 'mailbox_window' | 'spacing' | 'daily_limit';

export type PaceDecision =
  | { kind: 'admit'; mailboxId: string; state: PaceState }
  /** `queued`: `until` is a place in a mailbox's line, to be shown back as `heldSlot`. */
  | { kind: 'defer'; reason: PaceWait; until: Date; queued: boolean; mailboxId?: string; state?: PaceState }
  /**
   * Nothing can leave until a mailbox is enabled again: the one the thread is on, or (a first
   * email) every one of the campaign's. No date to wait for: enabling the mailbox wakes it.
   */
  | { kind: 'hold'; reason: 'mailbox_disabled' };

export interface PaceInput {
  now: Date;
  /** The campaign's window in the prospect's (else the campaign's) time zone; null: any time. */
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
 * When may this email leave, and from which mailbox? From the assigned mailbox, or else the
 * least loaded enabled one, while both the campaign's window and the mailbox's own are open,
 * with budget left today, once its spacing since the previous send has passed. Otherwise:
 * when to try again, the earliest moment any of them may send. Waiters get distinct queue
 * slots, so 500 due sends wake one by one rather than all at once.
 */
export function decidePace(input: PaceInput): PaceDecision {
  const now = input.now;
  const pool = input.mailboxes.filter((m) => !input.assignedMailboxId || m.mailboxId === input.assignedMailboxId);
  if (pool.length === 0) throw new Error('the campaign has no mailbox to send from');
  const enabled = pool.filter((m) => !m.disabled);
  if (enabled.length === 0) return { kind: 'hold', reason: 'mailbox_disabled' };
  const opensAt = (m: MailboxPace, from: Date) => nextCommonSendTime(windowsOf(m, input.window), from);

  const candidates = enabled
    .filter((m) => opensAt(m, now)?.getTime() === now.getTime())
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
  // Busy mailboxes: take the earliest free slot in line (where the windows are open) and hold it.
  const soonest = candidates
    .flatMap(({ mailbox, state }) => {
      const slot = opensAt(mailbox, maxDate(state.nextSendAt, state.queueTailAt));
      return slot ? [{ mailbox, state, slot }] : [];
    })
    .sort((a, b) => a.slot.getTime() - b.slot.getTime())[0];
  if (soonest) {
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
  // None may send now (windows closed, today's budget used): the first moment one of them may.
  const chances = enabled.flatMap((m) => nextChance(m, input.window, now) ?? []).sort((a, b) => a.at.getTime() - b.at.getTime());
  // Windows that never meet (a campaign sending on weekdays, a mailbox on weekends): look again
  // tomorrow, in case either has changed by then.
  const first = chances[0] ?? { at: new Date(now.getTime() + DAY_MS), reason: closedWindow(input.window, now) };
  return { kind: 'defer', reason: first.reason, until: spread(first.at, input.random), queued: false };
}

/**
 * The first moment `mailbox` may send as far as windows and its daily budget go, and what it
 * waits for: its next opening (a closed window), or when that falls on a day whose budget is
 * used, the first opening of a later day (the daily limit).
 */
function nextChance(mailbox: MailboxPace, campaignWindow: SendingWindow | null, now: Date): { at: Date; reason: PaceWait } | null {
  const windows = windowsOf(mailbox, campaignWindow);
  const opening = nextCommonSendTime(windows, now);
  if (!opening) return null;
  const state = mailbox.state;
  const spent = state !== null && state.day === localDay(mailbox.timeZone, opening) && state.dayCount >= mailbox.dailyLimit;
  if (!spent) return { at: opening, reason: closedWindow(campaignWindow, now) };
  const nextDay = nextCommonSendTime(windows, startOfNextDay(mailbox.timeZone, opening));
  return nextDay && { at: nextDay, reason: 'daily_limit' };
}

/** Which window keeps a send waiting now: the campaign's when it is closed, else the mailbox's. */
function closedWindow(campaignWindow: SendingWindow | null, now: Date): PaceWait {
  const campaignOpen = !campaignWindow || nextCommonSendTime([campaignWindow], now)?.getTime() === now.getTime();
  return campaignOpen ? 'mailbox_window' : 'sending_window';
}

function windowsOf(mailbox: MailboxPace, campaignWindow: SendingWindow | null): SendingWindow[] {
  return [campaignWindow, mailbox.window].filter((window): window is SendingWindow => window !== null);
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

/**
 * A mailbox's pace state once its time zone changes at `now`: today's count stays counted, as
 * the new zone's today, so the change itself never grants a fresh budget. `sentSinceNewDayBegan`
 * (the outbox's count since the new zone's midnight) covers what the old zone counted on its
 * previous day but falls in the new zone's today; the larger of the two is kept.
 */
export function paceAfterZoneChange(
  state: PaceState | null,
  change: { from: string; to: string; now: Date; sentSinceNewDayBegan: number },
): PaceState | null {
  if (!state) return null;
  const countedToday = state.day === localDay(change.from, change.now) ? state.dayCount : 0;
  return { ...state, day: localDay(change.to, change.now), dayCount: Math.max(countedToday, change.sentSinceNewDayBegan) };
}

/** The first instant of the local day `at` falls on, in `timeZone`. */
export function startOfLocalDay(timeZone: string, at: Date): Date {
  const zone = zoneNamed(timeZone);
  return new Date(instantAt(zone, localDateTimeOf(zone, at.getTime()).date, 0));
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
