import { defineQuery, defineSignal } from '@temporalio/workflow';

export const ENROLLMENT_WORKFLOW = 'enrollmentWorkflow';

export interface EnrollmentInput {
  enrollmentId: string;
  /** Set when the previous run continued as new (its history grew long): where it stood. */
  continued?: EnrollmentContinuation;
}

/** What a run hands to the next when it continues as new: positions, counts and times only. */
export interface EnrollmentContinuation {
  /** The next run starts at the step at this position (or the first after it). */
  fromPosition: number;
  stepsSent: number;
  /** An out-of-office pause still in force (ISO time), null when none is. */
  pausedUntil: string | null;
  /** The place in a mailbox's line the pending send was given (see SendStepResult.queued). */
  heldSlot?: string;
}

export type EnrollmentOutcome = 'completed' | 'replied' | 'stopped' | 'failed';

export interface EnrollmentResult {
  enrollmentId: string;
  outcome: EnrollmentOutcome;
  stepsSent: number;
}

export interface RepliedSignal {
  inboundMessageId: string;
}

/** Ends the sequence before its next step; the database already records why (e.g. 'unsubscribed'). */
export interface StopSignal {
  reason: string;
}

/** An out-of-office reply holds the next email until `until` (ISO time); a later one replaces it. */
export interface PausedUntilSignal {
  until: string;
}

/** The rep marked task `taskId` done or skipped (the database already records it). */
export interface TaskCompletedSignal {
  taskId: string;
  outcome: 'done' | 'skipped';
}

/** 'awaiting_task': a task step waits for the rep to mark its task done or skipped. */
export type EnrollmentPhase = 'starting' | 'sending' | 'waiting' | 'awaiting_task' | 'paused' | EnrollmentOutcome;

export interface EnrollmentStatusView {
  enrollmentId: string;
  phase: EnrollmentPhase;
  /** Position of the step being run or waited on. */
  currentStep: number;
  stepsSent: number;
  /** When the current wait ends (ISO time), while waiting. */
  waitingUntil: string | null;
}

export const repliedSignal = defineSignal<[RepliedSignal]>('replied');
export const stopSignal = defineSignal<[StopSignal]>('stop');
export const pausedUntilSignal = defineSignal<[PausedUntilSignal]>('pausedUntil');
/** The enrollment or its campaign was resumed: a send that found it paused asks again now. */
export const resumeSignal = defineSignal('resume');
/** The campaign's steps were edited: read the plan again before the next step. */
export const planChangedSignal = defineSignal('planChanged');
/** The rep closed a task of this enrollment: it re-reads the task (the database decides) and carries on. */
export const taskCompletedSignal = defineSignal<[TaskCompletedSignal]>('taskCompleted');
export const enrollmentStatusQuery = defineQuery<EnrollmentStatusView>('status');
