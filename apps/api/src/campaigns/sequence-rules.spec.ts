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

describe('sequenceProblems: conditions and tasks', () => {
  const condition = (fields: object) =>
    ({ type: 'condition', condition: 'opened', sinceStep: 0, then: 'next', else: 'end', ...fields }) as AnyStepInput;
  const task = { type: 'task', title: 'Call' } as AnyStepInput;

  it('accepts forward jumps, next and end, and tasks anywhere', () => {
    const lastLooksAt5 = condition({ sinceStep: 5, then: 'next', else: 'next' });
    assert.deepEqual(fields([email(), task, wait(1), condition({ then: 5, else: 4 }), email(), email(), lastLooksAt5]), []);
    assert.deepEqual(fields([task, email(), condition({ sinceStep: 1, condition: 'not_replied', else: 'end' })]), []);
  });

  it('refuses jumps back, in place or past the last step, naming the field', () => {
    const steps = (then: unknown, otherwise: unknown) => [email(), email(), condition({ then, else: otherwise }), email()];
    assert.deepEqual(fields(steps(1, 'end')), ['steps.2.then']);
    assert.deepEqual(fields(steps('next', 2)), ['steps.2.else']);
    assert.deepEqual(fields(steps(4, 9)), ['steps.2.then', 'steps.2.else']);
    const [problem] = sequenceProblems(steps(0, 'end'));
    assert.equal(problem.message, 'steps.2.then must be the position of a later step (3 to 3), as steps only jump forward');
    assert.match(sequenceProblems([email(), condition({ else: 2 })])[0].message, /later step \(none: this is the last step\)/);
  });

  it('wants sinceStep to be an earlier email step', () => {
    assert.deepEqual(fields([email(), wait(1), condition({ sinceStep: 1 })]), ['steps.2.sinceStep']);
    assert.deepEqual(fields([email(), condition({ sinceStep: 1 })]), ['steps.1.sinceStep']);
    assert.deepEqual(fields([email(), condition({ sinceStep: 2 }), email()]), ['steps.1.sinceStep']);
    assert.deepEqual(fields([email(), condition({ sinceStep: 7 })]), ['steps.1.sinceStep']);
    assert.equal(
      sequenceProblems([email(), condition({ sinceStep: 1 })])[0].message,
      'steps.1.sinceStep must be the position of an earlier email step',
    );
  });

  it('still wants an email step: a task alone sends nothing', () => {
    assert.deepEqual(fields([task]), ['steps']);
  });

  it('refuses a condition on opens or clicks when tracking is off', () => {
    const steps = (kind: 'opened' | 'clicked' | 'replied') => [email(), condition({ condition: kind }), email()];
    const off = { hasSendingWindow: false, trackingEnabled: false };
    for (const kind of ['opened', 'clicked'] as const) {
      assert.deepEqual(sequenceProblems(steps(kind), off), [{
        field: 'steps.1.condition',
        message: `steps.1.condition "${kind}" can never hold: tracking is off for this campaign (trackingEnabled: false)`,
      }]);
      assert.deepEqual(sequenceProblems(steps(kind), { ...off, trackingEnabled: true }), []);
    }
    assert.deepEqual(sequenceProblems(steps('replied'), off), []);
  });

  it('refuses template tags in a task, which is shown as written', () => {
    const problems = sequenceProblems([email(), { type: 'task', title: 'Call {{ firstName }}', instructions: '{% if company %}x{% endif %}' } as AnyStepInput]);
    assert.deepEqual(problems.map((p) => p.field), ['steps.1.title', 'steps.1.instructions']);
    assert.match(problems[0].message, /^steps\.1\.title is shown as written, beside the prospect/);
    assert.deepEqual(sequenceProblems([email(), { type: 'task', title: 'Call them', instructions: 'Ask about {budget}' } as AnyStepInput]), []);
  });
});
