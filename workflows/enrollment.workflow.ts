import { allHandlersFinished, condition, continueAsNew, patched, workflowInfo } from '@temporalio/workflow';
import type {
  EnrollmentInput, EnrollmentOutcome, EnrollmentPlan, EnrollmentResult, EnrollmentStatusView,
} from '@relance/temporal/contracts';
import { localBookkeeping, remoteBookkeeping } from './enrollment/activities';
import type { SequenceRun } from './enrollment/sequence-run';
import { SequenceSignals } from './enrollment/signals';
import { STEP_HANDLERS } from './enrollment/steps';

/** Patch id: histories without it were recorded with bookkeeping as ordinary activities. */
const LOCAL_BOOKKEEPING = 'local-bookkeeping';
/** Patch id: histories without it never continued as new, even where Temporal suggested it. */
const CONTINUE_AS_NEW = 'continue-as-new';

/**
 * One prospect's sequence: its steps in order, each run by the handler of its kind
 * (enrollment/steps.ts). A condition jumps to the later step its answer names (or ends the
 * sequence); a task step waits until the rep marks its task done or skipped. A `replied` or a
 * `stop` signal (an unsubscribe, a hard bounce) ends it before its next step; the send activity
 * also re-checks the prospect's state and the suppression list, so a reply or an unsubscribe
 * recorded before the signal arrives stops it just the same. A `pausedUntil` signal (an
 * out-of-office reply) holds the next email until the date it gives.
 */
export async function enrollmentWorkflow({ enrollmentId, continued }: EnrollmentInput): Promise<EnrollmentResult> {
  const bookkeeping = patched(LOCAL_BOOKKEEPING) ? localBookkeeping : remoteBookkeeping;
  const view: EnrollmentStatusView = {
    enrollmentId, phase: 'starting', currentStep: 0, stepsSent: continued?.stepsSent ?? 0, waitingUntil: null,
  };
  const signals = new SequenceSignals(continued?.pausedUntil ?? null);
  signals.listen(view);
  let carriedSlot = continued?.heldSlot;
  const run: SequenceRun = {
    enrollmentId, signals, view, bookkeeping,
    continueIfSuggested: (fromPosition, heldSlot) => continueIfSuggested(fromPosition, heldSlot),
    takeCarriedSlot: () => {
      const slot = carriedSlot;
      carriedSlot = undefined;
      return slot;
    },
  };

  const end = (outcome: EnrollmentOutcome): EnrollmentResult => {
    view.phase = outcome;
    view.waitingUntil = null;
    return { enrollmentId, outcome, stepsSent: view.stepsSent };
  };

  /**
   * When Temporal suggests it (the history grew long), the run hands over to a new one that
   * starts at the step at `fromPosition` (not yet run, or re-run where that is safe: a claim or a
   * task check), once signal handlers have finished. Nothing happens when a reply or a stop has
   * come in: the sequence ends instead.
   */
  async function continueIfSuggested(fromPosition: number, heldSlot?: string): Promise<void> {
    if (signals.ended || !workflowInfo().continueAsNewSuggested || !patched(CONTINUE_AS_NEW)) return;
    await condition(allHandlersFinished);
    if (signals.ended) return;
    await continueAsNew<typeof enrollmentWorkflow>({
      enrollmentId,
      continued: { fromPosition, stepsSent: view.stepsSent, pausedUntil: signals.pausedUntil, ...(heldSlot ? { heldSlot } : {}) },
    });
  }

  let plan: EnrollmentPlan = await bookkeeping.loadEnrollmentPlan({ enrollmentId });
  if (!plan.active) return end('stopped');
  let planSeen = signals.planEdits;
  // Position of the last step run: after an edit, the sequence goes on from the step after it.
  let lastPosition = (continued?.fromPosition ?? 0) - 1;
  const firstAfter = (position: number) => {
    const next = plan.steps.findIndex((s) => s.position > position);
    return next < 0 ? plan.steps.length : next;
  };

  // Index-based: a condition jumps forward (never back, so every sequence ends).
  for (let index = firstAfter(lastPosition); index < plan.steps.length || signals.planEdits !== planSeen; ) {
    if (signals.planEdits !== planSeen) {
      planSeen = signals.planEdits;
      plan = await bookkeeping.loadEnrollmentPlan({ enrollmentId });
      index = firstAfter(lastPosition);
      continue;
    }
    const step = plan.steps[index];
    if (signals.ended) return end(signals.ended);
    await continueIfSuggested(step.position);
    index += 1;
    lastPosition = step.position;
    view.currentStep = step.position;
    const outcome = await STEP_HANDLERS[step.kind](run, step);
    if (outcome.next === 'end') return end(outcome.outcome);
    if (outcome.next === 'replan') {
      // Replaced by an edit before it left: read the plan again and go on from this position.
      lastPosition = step.position - 1;
      signals.planEdits += 1;
    } else if (outcome.next === 'position') {
      const target = outcome.position;
      const found = target === null ? -1 : plan.steps.findIndex((s) => s.position >= target);
      if (found < 0) break;
      index = Math.max(index, found);
    }
  }
  if (signals.ended) return end(signals.ended);
  await bookkeeping.finishEnrollment({ enrollmentId, outcome: 'completed' });
  return end('completed');
}
