import type { SoftBounceResendInput } from './soft-bounce-resend.contract';

/**
 * What workflows may ask of the outside world. Workflows import these as types only;
 * activities/ implements them. Inputs and results are ids and counts, never personal data.
 */
export interface EnrollmentStepPlan {
  stepId: string;
  position: number;
  kind: 'email' | 'wait' | 'condition' | 'task';
  waitMs: number | null;
  /** Waits in days follow the calendar of the prospect's time zone (DST, sending days): ask `computeWaitEnd`. */
  calendar: boolean;
  /**
   * Condition steps: the position to go to when `evaluateCondition` answers true (`then`) or
   * false (`else`), always a later one; null: the sequence ends there.
   */
  branch?: { then: number | null; else: number | null };
}

/**
 * Where a task step stands for an enrollment: open (the sequence waits), done or skipped (it
 * carries on), or ended: the enrollment no longer runs (e.g. enrollment_replied) or lost its task.
 */
export type TaskStepState = { state: 'open' | 'done' | 'skipped'; taskId: string } | { state: 'ended'; reason: string };

/** A wait step's end (ISO time), or a task step waiting for the rep (no end). */
export type StepWait = { reason: 'wait_step'; until: string } | { reason: 'task'; until: null };

export interface EnrollmentPlan {
  /** False when the enrollment has ended (stopped before it began); true while active or paused by the rep. */
  active: boolean;
  steps: EnrollmentStepPlan[];
}

export type SendOutcome = 'sent' | 'stopped' | 'failed' | 'unknown' | 'deferred' | 'paused' | 'replanned';

export interface SendStepResult {
  outcome: SendOutcome;
  /**
   * Why nothing was sent: for 'stopped' and 'failed' (e.g. enrollment_replied,
   * prospect_unsubscribed), and, for the worker's counters only, 'paused' (paused_by_user…) and
   * 'deferred' (out_of_office, a pacing wait…); absent in results recorded before they said why.
   */
  reason?: string;
  /**
   * 'deferred': not before this time (outside the window, mailbox busy or at its daily limit).
   * 'paused': read the state again at this time at the latest, so a resume whose signal was lost
   * is noticed (absent in results recorded before that re-read existed: wait for the signal only).
   */
  until?: string;
  /** 'deferred': `until` is a place in the mailbox's line; send it back as `heldSlot`. */
  queued?: boolean;
}

export interface SequenceActivities {
  loadEnrollmentPlan(input: { enrollmentId: string }): Promise<EnrollmentPlan>;
  sendStep(input: { enrollmentId: string; stepId: string; heldSlot?: string }): Promise<SendStepResult>;
  /** The step's email again after its `attempt`-th soft bounce (see SoftBounceResendInput). */
  resendStep(input: { enrollmentId: string; stepId: string; attempt: number; heldSlot?: string }): Promise<SendStepResult>;
  /** The enrollment reached the step at `position`; `waiting`: why and until when it waits there. */
  recordProgress(input: { enrollmentId: string; position: number; waiting?: StepWait }): Promise<void>;
  /** When a calendar wait that starts at `from` ends (ISO time). */
  computeWaitEnd(input: { enrollmentId: string; stepId: string; from: string }): Promise<string>;
  finishEnrollment(input: { enrollmentId: string; outcome: 'completed' | 'failed'; reason?: string }): Promise<void>;
  /** Whether a condition step holds for the enrollment, read from the database now. */
  evaluateCondition(input: { enrollmentId: string; stepId: string }): Promise<{ result: boolean }>;
  /** Creates the enrollment's task for a task step unless it exists; where it stands. */
  openTask(input: { enrollmentId: string; stepId: string }): Promise<TaskStepState>;
  /** Where the enrollment's task for a task step stands (the database decides, not the signal). */
  checkTask(input: { enrollmentId: string; stepId: string }): Promise<TaskStepState>;
}

export interface LaunchBatchResult {
  enrolled: number;
  started: number;
  /** Last prospect id of the batch; absent when no prospect was left. */
  lastProspectId?: string;
}

export interface LaunchActivities {
  enrollBatch(input: {
    campaignId: string;
    prospectIds?: string[];
    /** A launch_filters row: the criteria stay in the database, never in the workflow's history. */
    filterId?: string;
    afterProspectId?: string;
  }): Promise<LaunchBatchResult>;
  markCampaignLaunched(input: { campaignId: string }): Promise<void>;
}

export interface RepliedEnrollment {
  enrollmentId: string;
  inboundMessageId: string;
}

/** An out-of-office reply holds the enrollment's next email until `until` (ISO time). */
export interface PausedEnrollment {
  enrollmentId: string;
  until: string;
}

/** The enrollment ended for `reason` (e.g. hard_bounce); the database already records it. */
export interface StoppedEnrollment {
  enrollmentId: string;
  reason: string;
}

/** What a sync pass found that enrollment workflows must hear, and the resends it planned. */
export interface InboundSignals {
  replies: RepliedEnrollment[];
  pauses: PausedEnrollment[];
  stops: StoppedEnrollment[];
  resends: SoftBounceResendInput[];
}

export interface MailboxSyncResult {
  /** False once the mailbox is deleted: its sync workflow then ends. */
  exists: boolean;
  replies: RepliedEnrollment[];
  /** Optional: results recorded in histories before auto-replies and bounces were handled have none. */
  pauses?: PausedEnrollment[];
  stops?: StoppedEnrollment[];
  /** Optional too: soft-bounced emails to send again, each by a resend workflow. */
  resends?: SoftBounceResendInput[];
}

export interface MailSyncActivities {
  syncMailbox(input: { mailboxId: string }): Promise<MailboxSyncResult>;
}

export interface ControlActivities {
  /**
   * Tells one enrollment's workflow what the database says of it once the control committed:
   * resume when it runs again, stop when it has ended. False when nothing was to be told.
   */
  signalEnrollment(input: { enrollmentId: string; signal: 'resume' | 'stop' }): Promise<{ signalled: boolean }>;
  /** Signals the next page of the campaign's running enrollments; no `lastEnrollmentId` when done. */
  signalCampaignEnrollments(input: {
    campaignId: string;
    signal: 'resume' | 'stop' | 'plan_changed';
    afterEnrollmentId?: string;
  }): Promise<{ signalled: number; lastEnrollmentId?: string }>;
}
