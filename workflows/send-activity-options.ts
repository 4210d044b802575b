import type { ActivityOptions } from '@temporalio/workflow';

/**
 * A send talks to a remote SMTP server: bounded tries, then it fails visibly. Every attempt
 * heartbeats (apps/worker heartbeatWhileRunning), so a worker that dies is noticed within the
 * heartbeat timeout. Shared by first sends and soft-bounce resends.
 */
export const SEND_ACTIVITY_OPTIONS: ActivityOptions = {
  startToCloseTimeout: '2m',
  heartbeatTimeout: '10s',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '10m', maximumAttempts: 10 },
};
