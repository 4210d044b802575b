import { proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { SequenceActivities } from '@relance/temporal/contracts';
import { SEND_ACTIVITY_OPTIONS } from '../send-activity-options';

const BOOKKEEPING_RETRY = { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' };

/**
 * The short database reads and writes around the steps (the plan, progress, conditions, tasks,
 * the end) run as local activities: in the worker, within the workflow task, without a round
 * trip through the Temporal server each. That server is what bounds how many enrollments move
 * per second; a local activity is simply run again if its worker dies, and each of these is
 * idempotent.
 */
export const localBookkeeping = proxyLocalActivities<SequenceActivities>({
  startToCloseTimeout: '30s',
  retry: BOOKKEEPING_RETRY,
});

// Enrollments started before bookkeeping went local replay with these (see LOCAL_BOOKKEEPING).
// Every attempt heartbeats (apps/worker heartbeatWhileRunning): a worker that dies is noticed
// within the heartbeat timeout and its attempt retried, not after the start-to-close timeout.
export const remoteBookkeeping = proxyActivities<SequenceActivities>({
  startToCloseTimeout: '30s',
  heartbeatTimeout: '10s',
  retry: BOOKKEEPING_RETRY,
});

/** Bookkeeping as one run uses it: local or remote, decided once when the run starts. */
export type Bookkeeping = Omit<SequenceActivities, 'sendStep' | 'resendStep'>;

// Bounded tries, then the enrollment fails visibly.
export const { sendStep } = proxyActivities<SequenceActivities>(SEND_ACTIVITY_OPTIONS);
