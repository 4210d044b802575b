import { proxyActivities } from '@temporalio/workflow';
import type { ControlActivities, EnrollmentControlInput } from '@relance/temporal/contracts';

// Until Temporal and the database both answer: a control must not be dropped.
const { signalEnrollment } = proxyActivities<ControlActivities>({
  startToCloseTimeout: '1m',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/**
 * Delivers a rep's resume or stop of one enrollment to its workflow. It is started in the
 * transaction that changes the enrollment, so the change and the delivery both happen or
 * neither does; the activity reads the committed state and signals that, retrying until it
 * is delivered.
 */
export async function enrollmentControlWorkflow(input: EnrollmentControlInput): Promise<boolean> {
  const { signalled } = await signalEnrollment(input);
  return signalled;
}
