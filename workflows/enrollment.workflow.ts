import {
  allHandlersFinished, condition, continueAsNew, patched, proxyActivities, proxyLocalActivities, setHandler, workflowInfo,
} from '@temporalio/workflow';
import {
  enrollmentStatusQuery, pausedUntilSignal, planChangedSignal, repliedSignal, resumeSignal, stopSignal,
  taskCompletedSignal,
  type EnrollmentInput, type EnrollmentOutcome, type EnrollmentResult, type EnrollmentStatusView,
  type EnrollmentStepPlan, type SendStepResult, type SequenceActivities,
} from '@relance/temporal/contracts';
import { SEND_ACTIVITY_OPTIONS } from './send-activity-options';

const BOOKKEEPING_RETRY = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' };

/**
 * The short database reads and writes around the steps (the plan, progress, conditions, tasks,
 * the end) run as local activities: in the worker, within the workflow task, without a round
 * trip through the Temporal server each. That server is what bounds how many enrollments move
 * per second; a local activity is simply run again if its worker dies, and each of these is
 * idempotent.
 */
const localBookkeeping = proxyLocalActivities<SequenceActivities>({
  startToCloseTimeout: '30s',
  retry: BOOKKEEPING_RETRY,
});

// Enrollments started before bookkeeping went local replay with these (see LOCAL_BOOKKEEPING).
// Every attempt heartbeats (apps/worker heartbeatWhileRunning): a worker that dies is noticed
// within the heartbeat timeout and its attempt retried, not after the start-to-close timeout.
const remoteBookkeeping = proxyActivities<SequenceActivities>({
  startToCloseTimeout: '30s',
  heartbeatTimeout: '10s',
  retry: BOOKKEEPING_RETRY,
});

/** Patch id: histories without it were recorded with bookkeeping as ordinary activities. */
const LOCAL_BOOKKEEPING = 'local-bookkeeping';
/** Patch id: histories without it never continued as new, even where Temporal suggested it. */
const CONTINUE_AS_NEW = 'continue-as-new';

// Bounded tries, then the enrollment fails visibly.
const { sendStep } = proxyActivities<SequenceActivities>(SEND_ACTIVITY_OPTIONS);

// A task's row decides; its signal only wakes the wait. Should a signal be lost, the task is
// re-read this often anyway, so the sequence is late rather than stuck.
const TASK_RECHECK = '6 hours';

/**
 * One prospect's sequence: email, wait, condition and task steps from the first on. A condition
 * jumps to the later step its answer names (or ends the sequence); a task step waits until the
 * rep marks its task done or skipped. A `replied` or a `stop` signal (an unsubscribe, a hard
 * bounce) ends it before its next step; the send activity also re-checks the prospect's state
 * and the suppression list, so a reply or an unsubscribe recorded before the signal arrives
 * stops it just the same. A `pausedUntil` signal (an out-of-office reply) holds the next email
 * until the date it gives.
 */
export async function enrollmentWorkflow({ enrollmentId, continued }: EnrollmentInput): Promise<EnrollmentResult> {
  const {
    loadEnrollmentPlan, recordProgress, finishEnrollment, computeWaitEnd, evaluateCondition, openTask, checkTask,
  } = patched(LOCAL_BOOKKEEPING) ? localBookkeeping : remoteBookkeeping;
  let replied = false;
  const view: EnrollmentStatusView = {
    enrollmentId, phase: 'starting', currentStep: 0, stepsSent: continued?.stepsSent ?? 0, waitingUntil: null,
  };
  setHandler(repliedSignal, () => {
    replied = true;
  });
  // An out-of-office reply: no email before its author is back (ISO time; a later one replaces it).
  let pausedUntil: string | null = continued?.pausedUntil ?? null;
  setHandler(pausedUntilSignal, ({ until }) => {
    pausedUntil = until;
  });
  // An unsubscribe (or another stop) the database already records: end before the next step.
  let stopped = false;
  setHandler(stopSignal, () => {
    stopped = true;
  });
  // The campaign's steps were edited: the steps not yet reached are read again.
  let planEdits = 0;
  setHandler(planChangedSignal, () => {
    planEdits += 1;
  });
  // A resume (of the enrollment or its campaign): a send that found it paused asks again.
  let resumes = 0;
  setHandler(resumeSignal, () => {
    resumes += 1;
  });
  // A task was closed: a task step waiting on it reads it again.
  let taskWakes = 0;
  setHandler(taskCompletedSignal, () => {
    taskWakes += 1;
  });
  setHandler(enrollmentStatusQuery, () => view);

  const end = (outcome: EnrollmentOutcome): EnrollmentResult => {
    view.phase = outcome;
    view.waitingUntil = null;
    return { enrollmentId, outcome, stepsSent: view.stepsSent };
  };

  /**
   * Pauses, deferrals and tasks loop, and each turn adds to the history. When Temporal suggests
   * it, the run hands over to a new one that starts at the step at `fromPosition` (not yet run,
   * or re-run where that is safe: a claim or a task check), once signal handlers have finished.
   * Nothing happens when a reply or a stop has come in: the caller ends the sequence instead.
   */
  async function continueIfSuggested(fromPosition: number, heldSlot?: string): Promise<void> {
    if (replied || stopped || !workflowInfo().continueAsNewSuggested || !patched(CONTINUE_AS_NEW)) return;
    await condition(allHandlersFinished);
    if (replied || stopped) return;
    await continueAsNew<typeof enrollmentWorkflow>({
      enrollmentId,
      continued: { fromPosition, stepsSent: view.stepsSent, pausedUntil, ...(heldSlot ? { heldSlot } : {}) },
    });
  }

  /**
   * Sends the step as soon as pacing allows: outside the sending window, or while the
   * mailbox is busy or at its daily limit, it waits (a reply or a stop still ends it) and asks
   * again.
   */
  async function sendWhenAllowed(step: EnrollmentStepPlan, slot: string | undefined): Promise<SendStepResult | 'replied' | 'stopped'> {
    let heldSlot = slot;
    for (let turn = 0; ; turn++) {
      if (turn > 0) await continueIfSuggested(step.position, heldSlot);
      if (await sitOutPause()) return replied ? 'replied' : 'stopped';
      view.phase = 'sending';
      const resumesBefore = resumes;
      const result = await sendStep({ enrollmentId, stepId: step.stepId, heldSlot });
      if (result.outcome === 'paused') {
        // Held by the rep: a resume signal wakes it, and the claim is asked again at `until`
        // anyway, so a lost signal delays the sequence at most that long.
        view.phase = 'paused';
        const resumed = () => replied || stopped || resumes !== resumesBefore;
        if (result.until) await condition(resumed, Math.max(0, Date.parse(result.until) - Date.now()));
        else await condition(resumed);
        if (replied || stopped) return replied ? 'replied' : 'stopped';
        continue;
      }
      if (result.outcome !== 'deferred') return result;
      heldSlot = result.queued ? result.until : undefined;
      view.phase = 'waiting';
      view.waitingUntil = result.until ?? null;
      const waitMs = Math.max(0, Date.parse(result.until!) - Date.now());
      if (await condition(() => replied || stopped, waitMs)) return replied ? 'replied' : 'stopped';
      view.phase = 'sending';
      view.waitingUntil = null;
    }
  }

  /**
   * Waits out an out-of-office pause, if one is set and not over; a new date moves the wait.
   * True when a reply or a stop ended it. Without a pause it schedules nothing, so histories
   * from before pauses existed replay unchanged.
   */
  async function sitOutPause(): Promise<boolean> {
    for (;;) {
      const until = pausedUntil;
      const waitMs = until === null ? 0 : Date.parse(until) - Date.now();
      if (waitMs <= 0) return false;
      view.phase = 'waiting';
      view.waitingUntil = until;
      await condition(() => replied || stopped || pausedUntil !== until, waitMs);
      view.waitingUntil = null;
      if (replied || stopped) return true;
    }
  }

  /**
   * Creates the step's task, then waits until the database says it is done or skipped ('next'),
   * a reply or a stop ends the sequence, or the enrollment turns out to have ended.
   */
  async function awaitTask(step: EnrollmentStepPlan): Promise<'next' | 'replied' | 'stopped'> {
    const { stepId } = step;
    for (let first = true; ; first = false) {
      if (!first) await continueIfSuggested(step.position);
      // Counted before the read: a signal that lands while it runs is not missed.
      const wakesBefore = taskWakes;
      const task = first ? await openTask({ enrollmentId, stepId }) : await checkTask({ enrollmentId, stepId });
      if (task.state === 'ended') return task.reason === 'enrollment_replied' ? 'replied' : 'stopped';
      if (task.state !== 'open') return 'next';
      view.phase = 'awaiting_task';
      await condition(() => replied || stopped || taskWakes !== wakesBefore, TASK_RECHECK);
      if (replied || stopped) return replied ? 'replied' : 'stopped';
    }
  }

  let plan = await loadEnrollmentPlan({ enrollmentId });
  if (!plan.active) return end('stopped');
  let planSeen = planEdits;
  // Position of the last step run: after an edit, the sequence goes on from the step after it.
  let lastPosition = (continued?.fromPosition ?? 0) - 1;
  const firstAfter = (position: number) => {
    const next = plan.steps.findIndex((s) => s.position > position);
    return next < 0 ? plan.steps.length : next;
  };
  // A send carried over from the previous run keeps its place in the mailbox's line.
  let carriedSlot = continued?.heldSlot;

  // Index-based: a condition jumps forward (never back, so every sequence ends).
  for (let index = firstAfter(lastPosition); index < plan.steps.length || planEdits !== planSeen; ) {
    if (planEdits !== planSeen) {
      planSeen = planEdits;
      plan = await loadEnrollmentPlan({ enrollmentId });
      index = firstAfter(lastPosition);
      continue;
    }
    const step = plan.steps[index];
    if (replied) return end('replied');
    if (stopped) return end('stopped');
    await continueIfSuggested(step.position);
    index += 1;
    lastPosition = step.position;
    view.currentStep = step.position;
    if (step.kind === 'condition') {
      const { result } = await evaluateCondition({ enrollmentId, stepId: step.stepId });
      const target = result ? step.branch?.then : step.branch?.else;
      const found = target == null ? -1 : plan.steps.findIndex((s) => s.position >= target);
      if (found < 0) break;
      index = Math.max(index, found);
      continue;
    }
    if (step.kind === 'task') {
      await recordProgress({ enrollmentId, position: step.position, waiting: { reason: 'task', until: null } });
      const outcome = await awaitTask(step);
      if (outcome !== 'next') return end(outcome);
      continue;
    }
    if (step.kind === 'wait') {
      const until = step.calendar
        ? await computeWaitEnd({ enrollmentId, stepId: step.stepId, from: new Date(Date.now()).toISOString() })
        : new Date(Date.now() + (step.waitMs ?? 0)).toISOString();
      const waitMs = Math.max(0, Date.parse(until) - Date.now());
      view.phase = 'waiting';
      view.waitingUntil = until;
      await recordProgress({ enrollmentId, position: step.position, waiting: { reason: 'wait_step', until } });
      if (await condition(() => replied || stopped, waitMs)) return end(replied ? 'replied' : 'stopped');
      view.waitingUntil = null;
      continue;
    }
    view.phase = 'sending';
    const result = await sendWhenAllowed(step, carriedSlot);
    carriedSlot = undefined;
    if (result === 'replied' || result === 'stopped') return end(result);
    if (result.outcome === 'replanned') {
      // Replaced by an edit before it left: read the plan again and go on from this position.
      lastPosition = step.position - 1;
      planEdits += 1;
      continue;
    }
    if (result.outcome === 'stopped') return end(result.reason === 'enrollment_replied' || replied ? 'replied' : 'stopped');
    if (result.outcome === 'failed') {
      await finishEnrollment({ enrollmentId, outcome: 'failed', reason: result.reason });
      return end('failed');
    }
    // 'unknown' counts as sent: the message may well have left, and must never be sent again.
    view.stepsSent += 1;
  }
  if (replied) return end('replied');
  if (stopped) return end('stopped');
  await finishEnrollment({ enrollmentId, outcome: 'completed' });
  return end('completed');
}
