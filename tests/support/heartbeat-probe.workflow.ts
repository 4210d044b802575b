import { proxyActivities } from '@temporalio/workflow';

/** Test-only workflow (apps/worker heartbeat-while-running.int-spec): one activity, one try. */
export interface HeartbeatProbeActivities {
  /** Runs `ms` without heartbeating itself; returns its attempt number. */
  busyFor(ms: number): Promise<number>;
}

const { busyFor } = proxyActivities<HeartbeatProbeActivities>({
  startToCloseTimeout: '30s',
  heartbeatTimeout: '1s',
  retry: { maximumAttempts: 1 },
});

export function heartbeatProbeWorkflow(ms: number): Promise<number> {
  return busyFor(ms);
}
