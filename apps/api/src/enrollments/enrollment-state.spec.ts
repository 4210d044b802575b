import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EnrollmentSummary } from '@relance/db/repositories/enrollment.repository';
import { enrollmentState } from './enrollment-state';

const now = new Date('2026-12-07T10:00:00Z');
const later = new Date('2026-12-08T09:00:00Z');
const earlier = new Date('2026-12-07T09:00:00Z');

function summary(overrides: Partial<EnrollmentSummary> = {}): EnrollmentSummary {
  return {
    id: 'e1', prospectId: 'p1', status: 'active', currentStep: 0, stepsSent: 0, stopReason: null, workflowId: 'enrollment:e1',
    createdAt: earlier, finishedAt: null, pausedUntil: null, waitingReason: null, waitingUntil: null, campaignStatus: 'active',
    ...overrides,
  };
}

describe('enrollmentState: where an enrollment stands, as a rep reads it', () => {
  it('reads a sequence held by an out-of-office reply as paused until the return date', () => {
    assert.deepEqual(enrollmentState(summary({ pausedUntil: later, waitingReason: 'spacing', waitingUntil: later }), now), {
      status: 'paused', pauseReason: 'out_of_office', waiting: { reason: 'out_of_office', until: later },
    });
  });

  it('reads an out-of-office date that has passed as over', () => {
    assert.deepEqual(enrollmentState(summary({ pausedUntil: earlier }), now), { status: 'active', pauseReason: null, waiting: null });
  });

  it('says who paused it: the rep, the campaign, the mailbox', () => {
    assert.equal(enrollmentState(summary({ status: 'paused' }), now).pauseReason, 'paused_by_user');
    assert.deepEqual(enrollmentState(summary({ campaignStatus: 'paused' }), now), {
      status: 'paused', pauseReason: 'campaign_paused', waiting: { reason: 'campaign_paused', until: null },
    });
    assert.equal(enrollmentState(summary({ waitingReason: 'mailbox_disabled' }), now).pauseReason, 'mailbox_disabled');
  });

  it('says why a running step waits, and until when, while it does', () => {
    for (const reason of ['sending_window', 'daily_limit', 'spacing', 'pending_resend', 'wait_step'] as const) {
      assert.deepEqual(enrollmentState(summary({ waitingReason: reason, waitingUntil: later }), now), {
        status: 'active', pauseReason: null, waiting: { reason, until: later },
      });
    }
    assert.deepEqual(enrollmentState(summary({ waitingReason: 'task' }), now).waiting, { reason: 'task', until: null });
  });

  it('drops a wait that has passed, and a pause the rep lifted since', () => {
    assert.equal(enrollmentState(summary({ waitingReason: 'wait_step', waitingUntil: earlier }), now).waiting, null);
    assert.deepEqual(enrollmentState(summary({ waitingReason: 'paused_by_user' }), now), { status: 'active', pauseReason: null, waiting: null });
  });

  it('shows an ended sequence as it ended, with no wait', () => {
    assert.deepEqual(
      enrollmentState(summary({ status: 'replied', pausedUntil: later, campaignStatus: 'paused', waitingReason: 'wait_step', waitingUntil: later }), now),
      { status: 'replied', pauseReason: null, waiting: null },
    );
  });
});
