import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { AnyStepInput } from './dto/step-input.dto';
import { sequenceProblems } from './sequence-rules';

const email = (extra: Partial<AnyStepInput> = {}) => ({ type: 'email', subject: 'Hi', body: 'Hello', ...extra }) as AnyStepInput;
const wait = (amount: number, unit: 'seconds' | 'minutes' | 'hours' | 'days' = 'days') =>
  ({ type: 'wait', amount, unit }) as AnyStepInput;
const fields = (steps: AnyStepInput[]) => sequenceProblems(steps).map((p) => p.field);

describe('sequenceProblems', () => {
  it('accepts email, wait, follow-up without subject, and a trailing wait', () => {
    assert.deepEqual(sequenceProblems([email(), wait(3), email({ subject: undefined }), wait(1)]), []);
  });

  it('wants at least one email step', () => {
    assert.deepEqual(sequenceProblems([wait(1)]), [{ field: 'steps', message: 'steps must contain at least one email step' }]);
  });

  it('wants a subject on the first email step, even after a wait, and on new threads', () => {
    assert.deepEqual(fields([wait(1), email({ subject: '  ' })]), ['steps.1.subject']);
    assert.deepEqual(fields([email(), email({ subject: undefined, newThread: true })]), ['steps.1.subject']);
  });

  it('caps waits at 365 days in any unit', () => {
    assert.deepEqual(fields([email(), wait(365)]), []);
    assert.deepEqual(fields([email(), wait(366)]), ['steps.1.amount']);
    assert.deepEqual(fields([email(), wait(365 * 24 + 1, 'hours')]), ['steps.1.amount']);
    assert.deepEqual(fields([email(), wait(365 * 86_400, 'seconds')]), []);
  });

  it('checks both templates of every email step and reports them all', () => {
    const problems = sequenceProblems([email({ subject: '{{ nope }}' }), email({ body: '{% if %}' })]);
    assert.deepEqual(problems.map((p) => p.field), ['steps.0.subject', 'steps.1.body']);
    assert.match(problems[0].message, /^steps\.0\.subject uses unknown variable "nope"/);
  });

  it('accepts known and custom variables with filters', () => {
    assert.deepEqual(fields([email({ body: '{{ firstName | default: "there" }} {{ custom.role }} {{ sender.name }}' })]), []);
  });
});
