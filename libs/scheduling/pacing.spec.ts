import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decidePace, localDay, MailboxPace, PaceInput, paceAfterZoneChange, startOfLocalDay } from './pacing';
import type { SendingWindow, Weekday } from './sending-window';

const at = (iso: string) => new Date(iso);
const mailbox = (id: string, overrides: Partial<MailboxPace> = {}): MailboxPace => ({
  mailboxId: id, dailyLimit: 50, minSpacingMs: 1_000, jitterMs: 0, timeZone: 'UTC', disabled: false, window: null, state: null,
  ...overrides,
});
const input = (overrides: Partial<PaceInput>): PaceInput => ({
  now: at('2026-12-02T10:00:00Z'), window: null, assignedMailboxId: null, mailboxes: [mailbox('m1')], heldSlot: null,
  random: () => 0, ...overrides,
});
const state = (day: string, dayCount: number, nextSendAt: string, queueTailAt = nextSendAt) => ({
  day, dayCount, nextSendAt: at(nextSendAt), queueTailAt: at(queueTailAt),
});

describe('decidePace', () => {
  it('admits a send from a fresh mailbox and holds the next one for the spacing', () => {
    const decision = decidePace(input({}));
    assert.equal(decision.kind, 'admit');
    assert.deepEqual(decision, {
      kind: 'admit', mailboxId: 'm1',
      state: state('2026-12-02', 1, '2026-12-02T10:00:01Z'),
    });
  });

  it('adds jitter within its bound', () => {
    const decision = decidePace(input({ mailboxes: [mailbox('m1', { jitterMs: 10_000 })], random: () => 0.5 }));
    assert.equal(decision.kind === 'admit' && decision.state.nextSendAt.toISOString(), '2026-12-02T10:00:06.000Z');
  });

  it('puts sends due together in line, one spacing apart, each with its own slot', () => {
    let m = mailbox('m1', { state: state('2026-12-02', 1, '2026-12-02T10:00:01Z') });
    const slots: string[] = [];
    for (let i = 0; i < 3; i++) {
      const decision = decidePace(input({ mailboxes: [m] }));
      assert.equal(decision.kind, 'defer');
      if (decision.kind !== 'defer') return;
      assert.equal(decision.queued, true);
      slots.push(decision.until.toISOString());
      m = { ...m, state: decision.state! };
    }
    assert.deepEqual(slots, ['2026-12-02T10:00:01.000Z', '2026-12-02T10:00:02.000Z', '2026-12-02T10:00:03.000Z']);
  });

  it('lets a send whose slot has come go before a newcomer', () => {
    const busy = mailbox('m1', { state: state('2026-12-02', 1, '2026-12-02T10:00:00Z', '2026-12-02T10:00:05Z') });
    const newcomer = decidePace(input({ mailboxes: [busy] }));
    assert.equal(newcomer.kind, 'defer', 'a newcomer queues behind the line');
    assert.equal(newcomer.kind === 'defer' && newcomer.reason, 'spacing');
    assert.equal(decidePace(input({ mailboxes: [busy], heldSlot: at('2026-12-02T10:00:00Z') })).kind, 'admit');
  });

  it('keeps the place of a send that woke a moment before the mailbox was free', () => {
    const busy = mailbox('m1', { state: state('2026-12-02', 1, '2026-12-02T10:00:00.300Z', '2026-12-02T10:00:09Z') });
    const decision = decidePace(input({ mailboxes: [busy], heldSlot: at('2026-12-02T09:59:59Z') }));
    assert.deepEqual(decision, { kind: 'defer', reason: 'spacing', until: at('2026-12-02T10:00:00.300Z'), queued: true });
  });

  it('stops at the daily limit and tries again at the start of the next day in the mailbox time zone', () => {
    const full = mailbox('m1', { dailyLimit: 50, timeZone: 'Europe/Paris', state: state('2026-12-02', 50, '2026-12-02T09:00:00Z') });
    const decision = decidePace(input({ mailboxes: [full] }));
    // Midnight in Paris (UTC+1 in December) is 23:00 UTC.
    assert.deepEqual(decision, { kind: 'defer', reason: 'daily_limit', until: at('2026-12-02T23:00:00Z'), queued: false });
  });

  // [zone, a full day's last moment, when its next day starts]: days of 23 and 25 hours, a
  // midnight that never shows (Santiago jumps from 24:00 to 01:00), one shown twice (Beirut
  // goes back from 24:00 to 23:00), and a year that ends ten hours before UTC's.
  const nextDays: Array<[string, string, string, string]> = [
    ['Europe/Paris', '2026-03-29', '2026-03-29T21:59:00Z', '2026-03-29T22:00:00Z'], // Mon 00:00 CEST
    ['Europe/Paris', '2026-10-25', '2026-10-25T22:59:00Z', '2026-10-25T23:00:00Z'], // Mon 00:00 CET
    ['America/Santiago', '2026-09-05', '2026-09-06T02:59:00Z', '2026-09-06T04:00:00Z'], // Sun 01:00 -03
    ['Asia/Beirut', '2026-10-24', '2026-10-24T21:59:00Z', '2026-10-24T22:00:00Z'], // Sun 00:00 EET, after 23:00-24:00 twice
    ['Pacific/Kiritimati', '2026-12-31', '2026-12-31T09:59:00Z', '2026-12-31T10:00:00Z'], // Fri 1 January 2027 00:00
  ];
  for (const [timeZone, day, lastMinute, nextDay] of nextDays) {
    it(`counts a full ${timeZone} day until its local midnight, ${day}`, () => {
      const full = mailbox('m1', { dailyLimit: 50, timeZone, state: state(day, 50, '2000-01-01T00:00:00Z') });
      assert.deepEqual(decidePace(input({ now: at(lastMinute), mailboxes: [full] })), { kind: 'defer', reason: 'daily_limit', until: at(nextDay), queued: false });
      const decision = decidePace(input({ now: at(nextDay), mailboxes: [full] }));
      assert.equal(decision.kind === 'admit' && decision.state.dayCount, 1);
    });
  }

  it("counts a new day's sends from zero", () => {
    const yesterday = mailbox('m1', { state: state('2026-12-01', 50, '2026-12-01T18:00:00Z') });
    const decision = decidePace(input({ mailboxes: [yesterday] }));
    assert.equal(decision.kind === 'admit' && decision.state.dayCount, 1);
  });

  it('rotates to the least loaded mailbox with budget left', () => {
    const decision = decidePace(input({
      mailboxes: [
        mailbox('m1', { state: state('2026-12-02', 7, '2026-12-02T09:00:00Z') }),
        mailbox('m2', { state: state('2026-12-02', 3, '2026-12-02T09:00:00Z') }),
        mailbox('m3', { dailyLimit: 2, state: state('2026-12-02', 2, '2026-12-02T09:00:00Z') }),
      ],
    }));
    assert.equal(decision.kind === 'admit' && decision.mailboxId, 'm2');
  });

  it('keeps a follow-up on the mailbox of its thread even when another is free', () => {
    const decision = decidePace(input({
      assignedMailboxId: 'm1',
      mailboxes: [mailbox('m1', { state: state('2026-12-02', 9, '2026-12-02T10:00:30Z') }), mailbox('m2')],
    }));
    assert.equal(decision.kind, 'defer');
    assert.equal(decision.kind === 'defer' && decision.mailboxId, 'm1');
  });

  it('waits for the sending window to open, in its time zone, spread over the first seconds', () => {
    // Wednesday 2 December 2026, 10:00 UTC is 05:00 in New York; the window opens at 09:00 (14:00 UTC).
    const window = { timeZone: 'America/New_York', days: [1, 2, 3, 4, 5] as (1 | 2 | 3 | 4 | 5)[], hours: [{ start: '09:00', end: '17:00' }] };
    assert.deepEqual(decidePace(input({ window })), { kind: 'defer', reason: 'sending_window', until: at('2026-12-02T14:00:00Z'), queued: false });
    assert.deepEqual(decidePace(input({ window, random: () => 0.5 })), {
      kind: 'defer', reason: 'sending_window', until: at('2026-12-02T14:00:15Z'), queued: false,
    });
    assert.equal(decidePace(input({ window, now: at('2026-12-02T15:00:00Z') })).kind, 'admit');
  });

  it('keeps a follow-up whose mailbox is disabled on hold, whatever else is free', () => {
    const decision = decidePace(input({
      assignedMailboxId: 'm1',
      mailboxes: [mailbox('m1', { disabled: true }), mailbox('m2')],
    }));
    assert.deepEqual(decision, { kind: 'hold', reason: 'mailbox_disabled' });
  });

  it('leaves a disabled mailbox out of the rotation, however little it has sent', () => {
    const decision = decidePace(input({
      mailboxes: [mailbox('m1', { disabled: true }), mailbox('m2', { state: state('2026-12-02', 9, '2026-12-02T09:00:00Z') })],
    }));
    assert.equal(decision.kind === 'admit' && decision.mailboxId, 'm2');
    const none = decidePace(input({ mailboxes: [mailbox('m1', { disabled: true }), mailbox('m2', { disabled: true })] }));
    assert.deepEqual(none, { kind: 'hold', reason: 'mailbox_disabled' });
  });

  describe("with the mailbox's own sending window", () => {
    const weekdays: Weekday[] = [1, 2, 3, 4, 5];
    const everyDay: Weekday[] = [1, 2, 3, 4, 5, 6, 7];
    const window = (timeZone: string, start: string, end: string, days = weekdays): SendingWindow =>
      ({ timeZone, days, hours: [{ start, end }] });
    const paris = (start: string, end: string, days = weekdays) =>
      ({ timeZone: 'Europe/Paris', window: window('Europe/Paris', start, end, days) });

    it('sends only inside it, on its own clock', () => {
      const m1 = mailbox('m1', paris('09:00', '12:00'));
      // Wednesday 2 December: Paris is UTC+1, so 09:00-12:00 there is 08:00-11:00 UTC.
      assert.deepEqual(decidePace(input({ now: at('2026-12-02T07:00:00Z'), mailboxes: [m1] })), {
        kind: 'defer', reason: 'mailbox_window', until: at('2026-12-02T08:00:00Z'), queued: false,
      });
      assert.equal(decidePace(input({ now: at('2026-12-02T08:00:00Z'), mailboxes: [m1] })).kind, 'admit');
      assert.deepEqual(decidePace(input({ now: at('2026-12-02T11:00:00Z'), mailboxes: [m1] })), {
        kind: 'defer', reason: 'mailbox_window', until: at('2026-12-03T08:00:00Z'), queued: false,
      });
    });

    it('follows its own daylight-saving change: after the clocks go forward it opens an hour earlier in UTC', () => {
      const m1 = mailbox('m1', paris('09:00', '10:00', everyDay));
      // Saturday 28 March 10:30 in Paris (CET); Sunday 29 March 09:00 is CEST, 07:00 UTC.
      assert.deepEqual(decidePace(input({ now: at('2026-03-28T09:30:00Z'), mailboxes: [m1] })), {
        kind: 'defer', reason: 'mailbox_window', until: at('2026-03-29T07:00:00Z'), queued: false,
      });
    });

    it('rotates to a mailbox whose window is open, however loaded it is', () => {
      const decision = decidePace(input({
        now: at('2026-12-02T07:00:00Z'),
        mailboxes: [mailbox('m1', paris('09:00', '12:00')), mailbox('m2', { state: state('2026-12-02', 10, '2026-12-02T06:00:00Z') })],
      }));
      assert.equal(decision.kind === 'admit' && decision.mailboxId, 'm2');
    });

    it("waits for both windows, the campaign's in the prospect's zone and the mailbox's in its own, across a DST change on one side", () => {
      // Mailbox: 14:00-15:00 in Paris. Campaign: 09:00-17:00 in New York, where clocks go
      // forward on Sunday 8 March 2026 and Paris's only on the 29th.
      const m1 = mailbox('m1', paris('14:00', '15:00'));
      const campaign = window('America/New_York', '09:00', '17:00');
      const decide = (now: string) => decidePace(input({ now: at(now), window: campaign, mailboxes: [m1] }));
      // Friday 6 March: Paris 13:00-14:00 UTC, New York from 14:00 UTC: they do not meet. On
      // Monday 9 March New York opens at 13:00 UTC (EDT) while Paris still says 13:00-14:00 UTC.
      assert.deepEqual(decide('2026-03-06T12:00:00Z'), { kind: 'defer', reason: 'sending_window', until: at('2026-03-09T13:00:00Z'), queued: false });
      assert.equal(decide('2026-03-09T13:30:00Z').kind, 'admit');
      assert.deepEqual(decide('2026-03-09T14:00:00Z'), { kind: 'defer', reason: 'mailbox_window', until: at('2026-03-10T13:00:00Z'), queued: false });
      // From 30 March (CEST) Paris's hour is 12:00-13:00 UTC: the windows no longer meet until
      // late October. The send looks again a day later, in case either window changed.
      assert.deepEqual(decide('2026-03-30T10:00:00Z'), { kind: 'defer', reason: 'sending_window', until: at('2026-03-31T10:00:00Z'), queued: false });
    });

    it('tries a mailbox at its limit at its first opening of the next day, and a closed one with budget sooner', () => {
      const spent = mailbox('m1', { ...paris('14:00', '18:00', everyDay), state: state('2026-12-02', 50, '2026-12-02T09:00:00Z') });
      assert.deepEqual(decidePace(input({ now: at('2026-12-02T10:00:00Z'), mailboxes: [spent] })), {
        kind: 'defer', reason: 'daily_limit', until: at('2026-12-03T13:00:00Z'), queued: false,
      });
      const fullNow = mailbox('m2', { state: state('2026-12-02', 50, '2026-12-02T09:00:00Z') });
      const opensLater = mailbox('m3', paris('12:00', '18:00'));
      assert.deepEqual(decidePace(input({ now: at('2026-12-02T10:00:00Z'), mailboxes: [fullNow, opensLater] })), {
        kind: 'defer', reason: 'mailbox_window', until: at('2026-12-02T11:00:00Z'), queued: false,
      });
    });

    it("gives a busy mailbox's next place in line where its window is open", () => {
      // 09:59 in Paris, the window closes at 10:00 and the mailbox is busy until after that.
      const busy = mailbox('m1', { ...paris('09:00', '10:00'), state: state('2026-12-02', 1, '2026-12-02T09:00:30Z') });
      const decision = decidePace(input({ now: at('2026-12-02T08:59:00Z'), mailboxes: [busy] }));
      assert.deepEqual(decision, {
        kind: 'defer', reason: 'spacing', until: at('2026-12-03T08:00:00Z'), queued: true, mailboxId: 'm1',
        state: state('2026-12-02', 1, '2026-12-02T09:00:30Z', '2026-12-03T08:00:01Z'),
      });
    });
  });

  it('names the local day in the mailbox time zone', () => {
    assert.equal(localDay('Australia/Sydney', at('2026-12-02T14:00:00Z')), '2026-12-03');
    assert.equal(localDay('America/Los_Angeles', at('2026-12-02T05:00:00Z')), '2026-12-01');
  });
});

describe('paceAfterZoneChange', () => {
  const now = at('2026-12-02T01:00:00Z'); // 15:00 on 2 December at Kiritimati (UTC+14), 17:00 on 1 December in Los Angeles
  const counted = (day: string, dayCount: number) => state(day, dayCount, '2026-12-02T00:59:00Z');

  it("carries today's count into the new zone's today: the change grants no fresh budget", () => {
    const moved = paceAfterZoneChange(counted('2026-12-02', 30), {
      from: 'Pacific/Kiritimati', to: 'America/Los_Angeles', now, sentSinceNewDayBegan: 0,
    });
    assert.deepEqual(moved, counted('2026-12-01', 30));
  });

  it('counts what the outbox sent since the new midnight when the old zone filed it under its previous day', () => {
    // UTC to Tokyo at 10:00 UTC: Tokyo's day began at 15:00 UTC yesterday, when UTC's count was for the 1st.
    const moved = paceAfterZoneChange(state('2026-12-02', 5, '2026-12-02T09:00:00Z'), {
      from: 'UTC', to: 'Asia/Tokyo', now: at('2026-12-02T10:00:00Z'), sentSinceNewDayBegan: 20,
    });
    assert.deepEqual(moved, state('2026-12-02', 20, '2026-12-02T09:00:00Z'));
  });

  it("does not let a stale count from the old zone's yesterday pass for the new zone's today", () => {
    // Kiritimati's 1 December is over; Los Angeles is still on the 1st: only the outbox count holds.
    const moved = paceAfterZoneChange(counted('2026-12-01', 50), {
      from: 'Pacific/Kiritimati', to: 'America/Los_Angeles', now, sentSinceNewDayBegan: 12,
    });
    assert.deepEqual(moved, counted('2026-12-01', 12));
    assert.equal(paceAfterZoneChange(null, { from: 'UTC', to: 'Asia/Tokyo', now, sentSinceNewDayBegan: 0 }), null);
  });

  it('finds where the new local day began, even when its midnight never shows', () => {
    assert.equal(startOfLocalDay('Asia/Tokyo', at('2026-12-02T10:00:00Z')).toISOString(), '2026-12-01T15:00:00.000Z');
    assert.equal(startOfLocalDay('America/Santiago', at('2026-09-06T12:00:00Z')).toISOString(), '2026-09-06T04:00:00.000Z');
  });
});
