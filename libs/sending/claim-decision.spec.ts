import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Message } from '@relance/db/entities/message.entity';
import type { ClaimState } from '@relance/db/repositories/send-claim';
import { decideClaim, RESEND_HOLD_LIMIT_MS, RESEND_RECHECK_MS, sequenceRefusal } from './claim-decision';

const now = new Date('2031-03-04T10:00:00Z');
const at = (offsetMs: number) => new Date(now.getTime() + offsetMs);
const HOUR = 3_600_000;

type Overrides = {
  enrollment?: Partial<ClaimState['enrollment']>;
  prospect?: Partial<ClaimState['prospect']>;
} & Partial<Omit<ClaimState, 'enrollment' | 'prospect'>>;

/** A running sequence to an active prospect, nothing written for the step yet: a claim sends. */
function state(overrides: Overrides = {}): ClaimState {
  const { enrollment, prospect, ...rest } = overrides;
  return {
    enrollment: { status: 'active', pausedUntil: null, ...enrollment },
    campaignStatus: 'active',
    accountClosing: false,
    prospect: { status: 'active', restricted: false, suppressed: false, ...prospect },
    existing: null,
    stepLive: true,
    pendingResendAt: null,
    ...rest,
  };
}

/** The step's outbox row, sent and soft-bounced `softBounces` times. */
function row(overrides: Partial<Message> = {}): Message {
  return { id: 'msg-1', status: 'sent', softBounces: 0, resendAt: null, ...overrides } as Message;
}

describe('sequenceRefusal: whether the sequence may still write to the prospect', () => {
  it('lets a running sequence to an active, unrestricted, unsuppressed prospect write', () => {
    assert.equal(sequenceRefusal(state(), now, false), null);
  });

  it('holds every sequence of a closing account as paused (a reactivation resumes it), even an active campaign', () => {
    assert.deepEqual(sequenceRefusal(state({ accountClosing: true }), now, false), { kind: 'paused', reason: 'campaign_paused' });
    assert.deepEqual(decideClaim(state({ accountClosing: true }), now), { kind: 'paused', reason: 'campaign_paused' });
    assert.deepEqual(sequenceRefusal(state({ accountClosing: true, campaignStatus: 'stopped' }), now, false), {
      kind: 'stopped', reason: 'campaign_stopped',
    });
  });

  it('stops for a stopped campaign before anything else, even a pause', () => {
    const paused = state({ campaignStatus: 'stopped', enrollment: { status: 'paused' } });
    assert.deepEqual(sequenceRefusal(paused, now, false), { kind: 'stopped', reason: 'campaign_stopped' });
  });

  it("pauses for the rep's pause, then for the campaign's", () => {
    assert.deepEqual(sequenceRefusal(state({ campaignStatus: 'paused', enrollment: { status: 'paused' } }), now, false), {
      kind: 'paused', reason: 'paused_by_user',
    });
    assert.deepEqual(sequenceRefusal(state({ campaignStatus: 'paused' }), now, false), { kind: 'paused', reason: 'campaign_paused' });
  });

  it('holds until the return date of an out-of-office reply, and not once it has passed', () => {
    const back = at(5 * HOUR);
    assert.deepEqual(sequenceRefusal(state({ enrollment: { pausedUntil: back } }), now, false), {
      kind: 'deferred', reason: 'out_of_office', until: back, queued: false,
    });
    assert.equal(sequenceRefusal(state({ enrollment: { pausedUntil: now } }), now, false), null, 'back now');
    // A hold comes before an ended sequence: the workflow hears the end on its own.
    assert.equal(sequenceRefusal(state({ enrollment: { status: 'replied', pausedUntil: back } }), now, false)?.kind, 'deferred');
  });

  it('stops a sequence that no longer runs, saying its status; a resend may follow the last step', () => {
    for (const status of ['replied', 'bounced', 'stopped', 'failed', 'completed'] as const) {
      assert.deepEqual(sequenceRefusal(state({ enrollment: { status } }), now, false), { kind: 'stopped', reason: `enrollment_${status}` });
    }
    assert.equal(sequenceRefusal(state({ enrollment: { status: 'completed' } }), now, true), null);
    assert.deepEqual(sequenceRefusal(state({ enrollment: { status: 'replied' } }), now, true), { kind: 'stopped', reason: 'enrollment_replied' });
  });

  it('stops for the prospect: their status, then a restriction, then the suppression list', () => {
    for (const status of ['replied', 'bounced', 'unsubscribed', 'blacklisted'] as const) {
      const refused = sequenceRefusal(state({ prospect: { status, restricted: true, suppressed: true } }), now, false);
      assert.deepEqual(refused, { kind: 'stopped', reason: `prospect_${status}` });
    }
    assert.deepEqual(sequenceRefusal(state({ prospect: { restricted: true, suppressed: true } }), now, false), {
      kind: 'stopped', reason: 'prospect_restricted',
    });
    assert.deepEqual(sequenceRefusal(state({ prospect: { suppressed: true } }), now, false), { kind: 'stopped', reason: 'prospect_suppressed' });
  });
});

describe("decideClaim for a step's email", () => {
  it('sends when nothing stands in the way', () => {
    assert.deepEqual(decideClaim(state(), now), { kind: 'send' });
  });

  it("refuses as sequenceRefusal says, before looking at the step's row", () => {
    assert.deepEqual(decideClaim(state({ prospect: { suppressed: true }, existing: row() }), now), {
      kind: 'stopped', reason: 'prospect_suppressed',
    });
    assert.deepEqual(decideClaim(state({ enrollment: { status: 'completed' } }), now), { kind: 'stopped', reason: 'enrollment_completed' });
  });

  it('finds the row an earlier claim wrote, even for a step an edit has since replaced', () => {
    const existing = row({ status: 'sending' });
    assert.deepEqual(decideClaim(state({ existing, stepLive: false }), now), { kind: 'existing', message: existing });
  });

  it('answers replanned for a step an edit replaced before it was sent', () => {
    assert.deepEqual(decideClaim(state({ stepLive: false }), now), { kind: 'replanned' });
  });

  it("waits for an earlier email's resend: until it is due, and looks again while pacing holds it", () => {
    const dueLater = at(24 * HOUR);
    assert.deepEqual(decideClaim(state({ pendingResendAt: dueLater }), now), {
      kind: 'deferred', reason: 'pending_resend', until: dueLater, queued: false,
    });
    assert.deepEqual(decideClaim(state({ pendingResendAt: at(-HOUR) }), now), {
      kind: 'deferred', reason: 'pending_resend', until: at(RESEND_RECHECK_MS), queued: false,
    });
  });

  it('does not wait for a resend overdue past the limit: the sequence must not stall on it', () => {
    assert.equal(decideClaim(state({ pendingResendAt: at(-RESEND_HOLD_LIMIT_MS + 1) }), now).kind, 'deferred');
    assert.deepEqual(decideClaim(state({ pendingResendAt: at(-RESEND_HOLD_LIMIT_MS) }), now), { kind: 'send' });
  });
});

describe('decideClaim for a resend after a soft bounce', () => {
  const first = { attempt: 1 };

  it('resends the row once its attempt is due, also after the sequence completed', () => {
    const due = row({ softBounces: 1, resendAt: at(-1) });
    assert.deepEqual(decideClaim(state({ existing: due }), now, first), { kind: 'resend', message: due });
    assert.deepEqual(decideClaim(state({ existing: due, enrollment: { status: 'completed' } }), now, first), { kind: 'resend', message: due });
  });

  it('waits until the attempt is due', () => {
    const later = row({ softBounces: 1, resendAt: at(HOUR) });
    assert.deepEqual(decideClaim(state({ existing: later }), now, first), {
      kind: 'deferred', reason: 'pending_resend', until: at(HOUR), queued: false,
    });
  });

  it('finds the row as it is when this attempt is not the one due: not bounced, another attempt, or gone already', () => {
    for (const existing of [
      row(),
      row({ softBounces: 2, resendAt: at(-1) }),
      row({ softBounces: 1, resendAt: null }),
      row({ softBounces: 1, resendAt: at(-1), status: 'sending' }),
    ]) {
      assert.deepEqual(decideClaim(state({ existing }), now, first), { kind: 'existing', message: existing });
    }
  });

  it('has nothing to resend without a row, and refuses as any claim does', () => {
    assert.deepEqual(decideClaim(state(), now, first), { kind: 'stopped', reason: 'nothing_to_resend' });
    const due = row({ softBounces: 1, resendAt: at(-1) });
    assert.deepEqual(decideClaim(state({ existing: due, prospect: { status: 'unsubscribed' } }), now, first), {
      kind: 'stopped', reason: 'prospect_unsubscribed',
    });
    assert.deepEqual(decideClaim(state({ existing: due, enrollment: { status: 'paused' } }), now, first), {
      kind: 'paused', reason: 'paused_by_user',
    });
  });
});
