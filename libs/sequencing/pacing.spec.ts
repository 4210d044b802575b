import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decidePace, localDay, MailboxPace, PaceInput } from './pacing';

const at = (iso: string) => new Date(iso);
const mailbox = (id: string, overrides: Partial<MailboxPace> = {}): MailboxPace => ({
  mailboxId: id, dailyLimit: 50, minSpacingMs: 1_000, jitterMs: 0, timeZone: 'UTC', state: null, ...overrides,
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

  it('names the local day in the mailbox time zone', () => {
    assert.equal(localDay('Australia/Sydney', at('2026-12-02T14:00:00Z')), '2026-12-03');
    assert.equal(localDay('America/Los_Angeles', at('2026-12-02T05:00:00Z')), '2026-12-01');
  });
});
