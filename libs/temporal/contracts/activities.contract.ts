/**
 * What workflows may ask of the outside world. Workflows import these as types only;
 * activities/ implements them. Inputs and results are ids and counts, never personal data.
 */
export interface EnrollmentStepPlan {
  stepId: string;
  position: number;
  kind: 'email' | 'wait';
  waitMs: number | null;
  /** Waits in days follow the calendar of the prospect's time zone (DST, sending days): ask `computeWaitEnd`. */
  calendar: boolean;
}

export interface EnrollmentPlan {
  /** False when the enrollment is no longer active (stopped before it began). */
  active: boolean;
  steps: EnrollmentStepPlan[];
}

export type SendOutcome = 'sent' | 'stopped' | 'failed' | 'unknown' | 'deferred';

export interface SendStepResult {
  outcome: SendOutcome;
  /** Why nothing was sent, for 'stopped' and 'failed' (e.g. enrollment_replied, prospect_unsubscribed). */
  reason?: string;
  /** 'deferred': not before this time (outside the window, mailbox busy or at its daily limit). */
  until?: string;
  /** 'deferred': `until` is a place in the mailbox's line; send it back as `heldSlot`. */
  queued?: boolean;
}

export interface SequenceActivities {
  loadEnrollmentPlan(input: { enrollmentId: string }): Promise<EnrollmentPlan>;
  sendStep(input: { enrollmentId: string; stepId: string; heldSlot?: string }): Promise<SendStepResult>;
  recordProgress(input: { enrollmentId: string; position: number }): Promise<void>;
  /** When a calendar wait that starts at `from` ends (ISO time). */
  computeWaitEnd(input: { enrollmentId: string; stepId: string; from: string }): Promise<string>;
  finishEnrollment(input: { enrollmentId: string; outcome: 'completed' | 'failed'; reason?: string }): Promise<void>;
}

export interface LaunchBatchResult {
  enrolled: number;
  started: number;
  /** Last prospect id of the batch; absent when no prospect was left. */
  lastProspectId?: string;
}

export interface LaunchActivities {
  enrollBatch(input: { campaignId: string; prospectIds?: string[]; afterProspectId?: string }): Promise<LaunchBatchResult>;
  markCampaignLaunched(input: { campaignId: string }): Promise<void>;
}

export interface RepliedEnrollment {
  enrollmentId: string;
  inboundMessageId: string;
}

export interface MailboxSyncResult {
  /** False once the mailbox is deleted: its sync workflow then ends. */
  exists: boolean;
  replies: RepliedEnrollment[];
}

export interface MailSyncActivities {
  syncMailbox(input: { mailboxId: string }): Promise<MailboxSyncResult>;
}
