import { condition } from '@temporalio/workflow';
import type { EnrollmentStepPlan, SendStepResult } from '@relance/temporal/contracts';
import { sendStep } from './activities';
import { endWith, STEP_DONE, type SequenceRun, type StepOutcome } from './sequence-run';

// A task's row decides; its signal only wakes the wait. Should a signal be lost, the task is
// re-read this often anyway, so the sequence is late rather than stuck.
const TASK_RECHECK = '6 hours';

/** One handler per kind of step: each runs its step and says where the sequence goes next. */
export const STEP_HANDLERS: Record<EnrollmentStepPlan['kind'], (run: SequenceRun, step: EnrollmentStepPlan) => Promise<StepOutcome>> = {
  email: emailStep,
  wait: waitStep,
  condition: conditionStep,
  task: taskStep,
};

/** Sends the step's email once pacing allows; a stop, a reply or a failure ends the sequence. */
async function emailStep(run: SequenceRun, step: EnrollmentStepPlan): Promise<StepOutcome> {
  run.view.phase = 'sending';
  const result = await sendWhenAllowed(run, step, run.takeCarriedSlot());
  if (result === 'replied' || result === 'stopped') return endWith(result);
  if (result.outcome === 'replanned') return { next: 'replan' };
  if (result.outcome === 'stopped') {
    return endWith(result.reason === 'enrollment_replied' || run.signals.replied ? 'replied' : 'stopped');
  }
  if (result.outcome === 'failed') {
    await run.bookkeeping.finishEnrollment({ enrollmentId: run.enrollmentId, outcome: 'failed', reason: result.reason });
    return endWith('failed');
  }
  // 'unknown' counts as sent: the message may well have left, and must never be sent again.
  run.view.stepsSent += 1;
  return STEP_DONE;
}

/**
 * Asks to send until pacing allows: outside the sending window, or while the mailbox is busy
 * or at its daily limit, it waits (a reply or a stop still ends it) and asks again; paused, it
 * waits for a resume, reading its state again at the time the claim gives.
 */
async function sendWhenAllowed(
  run: SequenceRun, step: EnrollmentStepPlan, slot: string | undefined,
): Promise<SendStepResult | 'replied' | 'stopped'> {
  const { signals, view } = run;
  let heldSlot = slot;
  for (let turn = 0; ; turn++) {
    if (turn > 0) await run.continueIfSuggested(step.position, heldSlot);
    if (await sitOutPause(run)) return signals.ended!;
    view.phase = 'sending';
    const resumesBefore = signals.resumes;
    const result = await sendStep({ enrollmentId: run.enrollmentId, stepId: step.stepId, heldSlot });
    if (result.outcome === 'paused') {
      view.phase = 'paused';
      const resumed = () => signals.ended !== null || signals.resumes !== resumesBefore;
      // Results recorded before the re-read existed carry no time: they wait for the signal only.
      if (result.until) await condition(resumed, Math.max(0, Date.parse(result.until) - Date.now()));
      else await condition(resumed);
      if (signals.ended) return signals.ended;
      continue;
    }
    if (result.outcome !== 'deferred') return result;
    heldSlot = result.queued ? result.until : undefined;
    view.phase = 'waiting';
    view.waitingUntil = result.until ?? null;
    const waitMs = Math.max(0, Date.parse(result.until!) - Date.now());
    if (await condition(() => signals.ended !== null, waitMs)) return signals.ended!;
    view.phase = 'sending';
    view.waitingUntil = null;
  }
}

/**
 * Waits out an out-of-office pause, if one is set and not over; a new date moves the wait.
 * True when a reply or a stop ended it. Without a pause it schedules nothing, so histories
 * from before pauses existed replay unchanged.
 */
async function sitOutPause({ signals, view }: SequenceRun): Promise<boolean> {
  for (;;) {
    const until = signals.pausedUntil;
    const waitMs = until === null ? 0 : Date.parse(until) - Date.now();
    if (waitMs <= 0) return false;
    view.phase = 'waiting';
    view.waitingUntil = until;
    await condition(() => signals.ended !== null || signals.pausedUntil !== until, waitMs);
    view.waitingUntil = null;
    if (signals.ended) return true;
  }
}

/** Waits the step's time: a fixed duration, or days on the prospect's calendar. */
async function waitStep(run: SequenceRun, step: EnrollmentStepPlan): Promise<StepOutcome> {
  const { enrollmentId, signals, view, bookkeeping } = run;
  const until = step.calendar
    ? await bookkeeping.computeWaitEnd({ enrollmentId, stepId: step.stepId, from: new Date(Date.now()).toISOString() })
    : new Date(Date.now() + (step.waitMs ?? 0)).toISOString();
  const waitMs = Math.max(0, Date.parse(until) - Date.now());
  view.phase = 'waiting';
  view.waitingUntil = until;
  await bookkeeping.recordProgress({ enrollmentId, position: step.position, waiting: { reason: 'wait_step', until } });
  if (await condition(() => signals.ended !== null, waitMs)) return endWith(signals.ended!);
  view.waitingUntil = null;
  return STEP_DONE;
}

/** Reads the condition from the database now, and goes where its answer says. */
async function conditionStep(run: SequenceRun, step: EnrollmentStepPlan): Promise<StepOutcome> {
  const { result } = await run.bookkeeping.evaluateCondition({ enrollmentId: run.enrollmentId, stepId: step.stepId });
  const target = result ? step.branch?.then : step.branch?.else;
  return { next: 'position', position: target ?? null };
}

/**
 * Creates the step's task, then waits until the database says it is done or skipped, a reply
 * or a stop ends the sequence, or the enrollment turns out to have ended.
 */
async function taskStep(run: SequenceRun, step: EnrollmentStepPlan): Promise<StepOutcome> {
  const { enrollmentId, signals, view, bookkeeping } = run;
  const { stepId } = step;
  await bookkeeping.recordProgress({ enrollmentId, position: step.position, waiting: { reason: 'task', until: null } });
  for (let first = true; ; first = false) {
    if (!first) await run.continueIfSuggested(step.position);
    // Counted before the read: a signal that lands while it runs is not missed.
    const wakesBefore = signals.taskWakes;
    const task = first ? await bookkeeping.openTask({ enrollmentId, stepId }) : await bookkeeping.checkTask({ enrollmentId, stepId });
    if (task.state === 'ended') return endWith(task.reason === 'enrollment_replied' ? 'replied' : 'stopped');
    if (task.state !== 'open') return STEP_DONE;
    view.phase = 'awaiting_task';
    await condition(() => signals.ended !== null || signals.taskWakes !== wakesBefore, TASK_RECHECK);
    if (signals.ended) return endWith(signals.ended);
  }
}
