import { ApplicationFailure } from '@temporalio/activity';
import type { EnrollmentRepository } from '../libs/db';
import { StepSender, TransientSendError } from '../libs/sequencing/step-sender.service';
import { calendarWaitEnd } from '../libs/sequencing/calendar-wait';
import { waitMilliseconds } from '../libs/sequencing/wait-duration';
import type { SequenceActivities } from '../libs/temporal/contracts';

/** Thin adapters from the enrollment workflow to the sequencing services. */
export function createSequenceActivities(deps: {
  enrollments: EnrollmentRepository;
  stepSender: StepSender;
}): SequenceActivities {
  return {
    async loadEnrollmentPlan({ enrollmentId }) {
      const plan = await deps.enrollments.loadPlan(enrollmentId);
      if (!plan) return { active: false, steps: [] };
      return {
        active: plan.status === 'active',
        steps: plan.steps.map((step) => ({
          stepId: step.id,
          position: step.position,
          kind: step.kind,
          waitMs: step.kind === 'wait' ? waitMilliseconds(step.waitAmount ?? 0, step.waitUnit ?? 'seconds') : null,
          calendar: step.kind === 'wait' && step.waitUnit === 'days',
        })),
      };
    },

    async sendStep({ enrollmentId, stepId, heldSlot }) {
      try {
        return await deps.stepSender.send(enrollmentId, stepId, heldSlot ? new Date(heldSlot) : null);
      } catch (error) {
        // Transient SMTP trouble is retried by Temporal's policy; anything else too, but typed.
        if (error instanceof TransientSendError) throw ApplicationFailure.retryable(error.message, 'TransientSendError');
        throw error;
      }
    },

    recordProgress: ({ enrollmentId, position }) => deps.enrollments.recordProgress(enrollmentId, position),

    async computeWaitEnd({ enrollmentId, stepId, from }) {
      const wait = await deps.enrollments.loadWait(enrollmentId, stepId);
      if (!wait) throw ApplicationFailure.nonRetryable(`step ${stepId} is not a wait of enrollment ${enrollmentId}`, 'NotFound');
      return calendarWaitEnd(wait, new Date(from)).toISOString();
    },

    finishEnrollment: ({ enrollmentId, outcome, reason }) =>
      deps.enrollments.finish(enrollmentId, outcome, reason ?? null),
  };
}
