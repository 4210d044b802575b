import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Step } from '@relance/db/entities/step.entity';
import { targetPosition, toStepPlan } from './step-plan';

const step = (fields: Partial<Step>) => ({ id: 's', position: 2, waitAmount: null, waitUnit: null, ...fields }) as Step;

describe('toStepPlan', () => {
  it('gives waits their duration and says which follow the calendar', () => {
    assert.deepEqual(toStepPlan(step({ kind: 'wait', waitAmount: 90, waitUnit: 'seconds' })), {
      stepId: 's', position: 2, kind: 'wait', waitMs: 90_000, calendar: false,
    });
    assert.equal(toStepPlan(step({ kind: 'wait', waitAmount: 1, waitUnit: 'days' })).calendar, true);
  });

  it('resolves where a condition goes: next, end or a later position', () => {
    const plan = toStepPlan(step({ kind: 'condition', conditionThen: 'next', conditionElse: 'end' }));
    assert.deepEqual(plan.branch, { then: 3, else: null });
    assert.deepEqual(toStepPlan(step({ kind: 'condition', conditionThen: 5, conditionElse: 'next' })).branch, { then: 5, else: 3 });
  });

  it('gives email and task steps no duration and no branch', () => {
    for (const kind of ['email', 'task'] as const) {
      assert.deepEqual(toStepPlan(step({ kind })), { stepId: 's', position: 2, kind, waitMs: null, calendar: false });
    }
  });
});

describe('targetPosition', () => {
  it('reads a missing target as next', () => {
    assert.equal(targetPosition(0, null), 1);
    assert.equal(targetPosition(4, 'end'), null);
    assert.equal(targetPosition(4, 7), 7);
  });
});
