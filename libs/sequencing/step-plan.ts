import type { Step, StepTarget } from '@relance/db/entities/step.entity';
import type { EnrollmentStepPlan } from '@relance/temporal/contracts/activities.contract';
import { waitMilliseconds } from '@relance/scheduling';

/** A step as the enrollment workflow runs it: ids, durations and resolved jump targets only. */
export function toStepPlan(step: Step): EnrollmentStepPlan {
  const plan: EnrollmentStepPlan = {
    stepId: step.id,
    position: step.position,
    kind: step.kind,
    waitMs: step.kind === 'wait' ? waitMilliseconds(step.waitAmount ?? 0, step.waitUnit ?? 'seconds') : null,
    calendar: step.kind === 'wait' && step.waitUnit === 'days',
  };
  if (step.kind !== 'condition') return plan;
  return {
    ...plan,
    branch: { then: targetPosition(step.position, step.conditionThen), else: targetPosition(step.position, step.conditionElse) },
  };
}

/** The position a condition at `from` goes to; null: the sequence ends. A missing target means 'next'. */
export function targetPosition(from: number, target: StepTarget | null): number | null {
  if (target === 'end') return null;
  if (target === 'next' || target === null) return from + 1;
  return target;
}
