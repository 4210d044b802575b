import type { FieldProblem } from '../../../../libs/errors';
import { MAX_WAIT_MS, validateTemplate, waitMilliseconds } from '../../../../libs/sequencing';
import type { AnyStepInput, WaitStepInputDto } from './dto/step-input.dto';

/**
 * Rules that span steps, checked after each step's own shape is known to be right:
 * a sequence sends at least one email, the first email opens a thread so it needs a subject,
 * waits stay within a year, and templates compile with known variables (so sends never fail
 * on them later).
 */
export function sequenceProblems(steps: readonly AnyStepInput[], hasSendingWindow = false): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const firstEmail = steps.findIndex((step) => step.type === 'email');
  if (firstEmail < 0) problems.push({ field: 'steps', message: 'steps must contain at least one email step' });

  steps.forEach((step, i) => {
    const path = `steps.${i}`;
    if (step.type === 'wait') {
      if (!withinMaxWait(step.amount, step.unit)) {
        problems.push({ field: `${path}.amount`, message: `${path} waits longer than ${MAX_WAIT_MS / 86_400_000} days` });
      }
      if (step.sendingDaysOnly && (step.unit !== 'days' || !hasSendingWindow)) {
        problems.push({
          field: `${path}.sendingDaysOnly`,
          message: `${path}.sendingDaysOnly counts days of the sending window: use unit "days" and set sendingWindow`,
        });
      }
      return;
    }
    const hasSubject = typeof step.subject === 'string' && step.subject.trim() !== '';
    if (!hasSubject && i === firstEmail) {
      problems.push({ field: `${path}.subject`, message: `${path}.subject is required on the first email step` });
    } else if (!hasSubject && step.newThread) {
      problems.push({ field: `${path}.subject`, message: `${path}.subject is required when newThread is true` });
    }
    for (const part of ['subject', 'body'] as const) {
      const source = step[part];
      if (typeof source !== 'string') continue;
      const check = validateTemplate(source);
      if (!check.ok) problems.push({ field: `${path}.${part}`, message: `${path}.${part} ${check.message}` });
    }
  });
  return problems;
}

function withinMaxWait(amount: number, unit: WaitStepInputDto['unit']): boolean {
  try {
    waitMilliseconds(amount, unit);
    return true;
  } catch {
    return false;
  }
}
