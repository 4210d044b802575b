import type { FieldProblem } from '@relance/errors';
import { MAX_WAIT_MS, waitMilliseconds } from '@relance/scheduling';
import { validateTemplate } from '@relance/templates';
import type { AnyStepInput, ConditionStepInputDto, TaskStepInputDto, WaitStepInputDto } from './dto/step-input.dto';

/**
 * Rules that span steps, checked after each step's own shape is known to be right:
 * a sequence sends at least one email, the first email opens a thread so it needs a subject,
 * waits stay within a year, templates compile with known variables (so sends never fail
 * on them later), and conditions look back at an earlier email and jump forward only, so
 * every sequence ends; a condition on opens or clicks needs tracking.
 */
export interface CampaignSettings {
  hasSendingWindow: boolean;
  /** Opens and clicks are only known with tracking on. */
  trackingEnabled: boolean;
}

export function sequenceProblems(
  steps: readonly AnyStepInput[],
  { hasSendingWindow, trackingEnabled }: CampaignSettings = { hasSendingWindow: false, trackingEnabled: true },
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const firstEmail = steps.findIndex((step) => step.type === 'email');
  if (firstEmail < 0) problems.push({ field: 'steps', message: 'steps must contain at least one email step' });

  steps.forEach((step, i) => {
    const path = `steps.${i}`;
    if (step.type === 'condition') {
      problems.push(...conditionProblems(steps, i, step));
      if (!trackingEnabled && (step.condition === 'opened' || step.condition === 'clicked')) {
        problems.push({
          field: `${path}.condition`,
          message: `${path}.condition "${step.condition}" can never hold: tracking is off for this campaign (trackingEnabled: false)`,
        });
      }
      return;
    }
    if (step.type === 'task') {
      problems.push(...taskProblems(step, path));
      return;
    }
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
    if (step.variants && (step.subject !== undefined || step.body !== undefined)) {
      problems.push({ field: `${path}.variants`, message: `${path} has variants: put subject and body in each variant` });
    }
    const versions = step.variants
      ? step.variants.map((variant, v) => ({ path: `${path}.variants.${v}`, subject: variant.subject, body: variant.body }))
      : [{ path, subject: step.subject, body: step.body }];
    if (step.variants && step.variants.every((variant) => variant.weight === 0)) {
      problems.push({ field: `${path}.variants`, message: `${path}.variants need a weight above 0 somewhere` });
    }
    for (const version of versions) problems.push(...versionProblems(version, i === firstEmail, Boolean(step.newThread)));
  });
  return problems;
}

/** `sinceStep` names an earlier email step; `then` and `else` name later steps (or 'next', 'end'). */
function conditionProblems(steps: readonly AnyStepInput[], i: number, step: ConditionStepInputDto): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const path = `steps.${i}`;
  if (!(step.sinceStep < i && steps[step.sinceStep]?.type === 'email')) {
    problems.push({ field: `${path}.sinceStep`, message: `${path}.sinceStep must be the position of an earlier email step` });
  }
  const later = i + 1 < steps.length ? `${i + 1} to ${steps.length - 1}` : 'none: this is the last step';
  for (const field of ['then', 'else'] as const) {
    const target = step[field];
    if (typeof target === 'number' && !(target > i && target < steps.length)) {
      problems.push({
        field: `${path}.${field}`,
        message: `${path}.${field} must be the position of a later step (${later}), as steps only jump forward`,
      });
    }
  }
  return problems;
}

/**
 * A task is shown to the rep as written, beside its prospect's name and company: template tags
 * would stay as typed, so they are refused rather than silently left unfilled.
 */
function taskProblems(step: TaskStepInputDto, path: string): FieldProblem[] {
  const fields = [['title', step.title], ['instructions', step.instructions]] as const;
  return fields
    .filter(([, text]) => typeof text === 'string' && /\{\{|\{%/.test(text))
    .map(([field]) => ({
      field: `${path}.${field}`,
      message: `${path}.${field} is shown as written, beside the prospect: template tags ({{ … }}, {% … %}) are not filled in there`,
    }));
}

/** One version of an email (the step itself, or one of its variants): subject rules and templates. */
function versionProblems(
  version: { path: string; subject?: string; body?: string },
  isFirstEmail: boolean,
  newThread: boolean,
): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const { path } = version;
  const hasSubject = typeof version.subject === 'string' && version.subject.trim() !== '';
  if (!hasSubject && isFirstEmail) {
    problems.push({ field: `${path}.subject`, message: `${path}.subject is required on the first email step` });
  } else if (!hasSubject && newThread) {
    problems.push({ field: `${path}.subject`, message: `${path}.subject is required when newThread is true` });
  }
  for (const part of ['subject', 'body'] as const) {
    const source = version[part];
    if (typeof source !== 'string') continue;
    const check = validateTemplate(source);
    if (!check.ok) problems.push({ field: `${path}.${part}`, message: `${path}.${part} ${check.message}` });
  }
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
