export const SOFT_BOUNCE_RESEND_WORKFLOW = 'softBounceResendWorkflow';

/**
 * A soft-bounced email to send again: the step of the enrollment, which resend this is
 * (1 for the first), and when it is due (ISO time). Ids and a date only.
 */
export interface SoftBounceResendInput {
  enrollmentId: string;
  stepId: string;
  /** The outbox row's id: the resend workflow's id is built from it. */
  messageId: string;
  attempt: number;
  at: string;
}
