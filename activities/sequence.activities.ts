import { ApplicationFailure } from '@temporalio/activity';
import type { ConditionRepository, EnrollmentRepository, TaskRepository } from '@relance/db';
import { StepSender, TransientSendError } from '@relance/sending';
import { calendarWaitEnd } from '@relance/scheduling';
import { conditionHolds, toStepPlan } from '@relance/sequencing';
import type { SequenceActivities } from '@relance/temporal/contracts';
import type { WebhookFacts } from '@relance/webhooks';

/** Thin adapters from the enrollment workflow to the sequencing services. */
export function createSequenceActivities(deps: {
  enrollments: EnrollmentRepository;
  stepSender: StepSender;
  conditions: ConditionRepository;
  tasks: TaskRepository;
  /** Tells the account's webhook endpoints of each finished sequence; none in tests that need none. */
  webhooks?: WebhookFacts;
}): SequenceActivities {
  const notOfEnrollment = (stepId: string, kind: string, enrollmentId: string) =>
    ApplicationFailure.nonRetryable(`step ${stepId} is not a ${kind} of enrollment ${enrollmentId}`, 'NotFound');

  return {
    async loadEnrollmentPlan({ enrollmentId }) {
      const plan = await deps.enrollments.loadPlan(enrollmentId);
      if (!plan) return { active: false, steps: [] };
      // Paused by the rep is still running: its sends wait for the resume (the claim decides).
      return { active: plan.status === 'active' || plan.status === 'paused', steps: plan.steps.map(toStepPlan) };
    },

    sendStep: ({ enrollmentId, stepId, heldSlot }) =>
      typedFailures(deps.stepSender.send(enrollmentId, stepId, heldSlot ? new Date(heldSlot) : null)),

    resendStep: ({ enrollmentId, stepId, attempt, heldSlot }) =>
      typedFailures(deps.stepSender.send(enrollmentId, stepId, heldSlot ? new Date(heldSlot) : null, attempt)),

    recordProgress: ({ enrollmentId, position, waiting }) =>
      deps.enrollments.recordProgress(enrollmentId, position, waiting && {
        reason: waiting.reason,
        until: waiting.until === null ? null : new Date(waiting.until),
      }),

    async computeWaitEnd({ enrollmentId, stepId, from }) {
      const wait = await deps.enrollments.loadWait(enrollmentId, stepId);
      if (!wait) throw notOfEnrollment(stepId, 'wait', enrollmentId);
      return calendarWaitEnd(wait, new Date(from)).toISOString();
    },

    finishEnrollment: async ({ enrollmentId, outcome, reason }) => {
      await deps.enrollments.finish(enrollmentId, outcome, reason ?? null);
      await deps.webhooks?.enrollmentFinished(enrollmentId);
    },

    async evaluateCondition({ enrollmentId, stepId }) {
      const condition = await deps.conditions.load(enrollmentId, stepId);
      if (!condition) throw notOfEnrollment(stepId, 'condition', enrollmentId);
      await deps.enrollments.recordProgress(enrollmentId, condition.position);
      return { result: conditionHolds(condition.kind, condition) };
    },

    async openTask({ enrollmentId, stepId }) {
      const progress = await deps.tasks.open(enrollmentId, stepId);
      if (!progress) throw notOfEnrollment(stepId, 'task', enrollmentId);
      return progress;
    },

    checkTask: ({ enrollmentId, stepId }) => deps.tasks.check(enrollmentId, stepId),
  };
}

/** Transient SMTP trouble is retried by Temporal's policy; anything else too, but typed. */
async function typedFailures<T>(sending: Promise<T>): Promise<T> {
  try {
    return await sending;
  } catch (error) {
    if (error instanceof TransientSendError) throw ApplicationFailure.retryable(error.message, 'TransientSendError');
    throw error;
  }
}
