import type { EnrollmentOutcome, EnrollmentStatusView } from '@relance/temporal/contracts';
import type { Bookkeeping } from './activities';
import type { SequenceSignals } from './signals';

/** What a step handler works with: the enrollment, what signals told it, its status view, its bookkeeping. */
export interface SequenceRun {
  readonly enrollmentId: string;
  readonly signals: SequenceSignals;
  readonly view: EnrollmentStatusView;
  readonly bookkeeping: Bookkeeping;
  /**
   * Loops add to the history at each turn: when Temporal suggests it, the run hands over to a
   * new one that starts at the step at `fromPosition` (see enrollment.workflow.ts).
   */
  continueIfSuggested(fromPosition: number, heldSlot?: string): Promise<void>;
  /** The place in a mailbox's line a previous run's send held, once: for the first email this run sends. */
  takeCarriedSlot(): string | undefined;
}

/** Where the sequence goes after a step. */
export type StepOutcome =
  /** On to the following step. */
  | { next: 'step' }
  /** A condition's answer: the step at this position (or the first after it); null: the sequence ends there. */
  | { next: 'position'; position: number | null }
  /** An edit replaced the step before it ran: the plan is read again, from this step's position. */
  | { next: 'replan' }
  | { next: 'end'; outcome: EnrollmentOutcome };

export const STEP_DONE: StepOutcome = { next: 'step' };
export const endWith = (outcome: EnrollmentOutcome): StepOutcome => ({ next: 'end', outcome });
