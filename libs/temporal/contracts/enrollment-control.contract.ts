export const ENROLLMENT_CONTROL_WORKFLOW = 'enrollmentControlWorkflow';

/** What one enrollment's workflow is told after a rep resumed or stopped it. */
export type EnrollmentSignal = 'resume' | 'stop';

export interface EnrollmentControlInput {
  enrollmentId: string;
  signal: EnrollmentSignal;
}
