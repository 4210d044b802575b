import type { Context } from '@temporalio/activity';
import type { ActivityInterceptorsFactory } from '@temporalio/worker';

/**
 * Heartbeats while an activity runs, whenever its workflow gave it a heartbeat timeout.
 * Without heartbeats Temporal notices a dead worker (SIGKILL, OOM, a lost host) only when
 * the attempt's start-to-close timeout expires, minutes for a send; with them, within the
 * heartbeat timeout, and the attempt is retried on a live worker. The beat comes from this
 * process's event loop, so a worker that is alive but stuck stops beating too.
 */
export const heartbeatWhileRunning: ActivityInterceptorsFactory = (context: Context) => ({
  inbound: {
    async execute(input, next) {
      const timeoutMs = context.info.heartbeatTimeoutMs;
      if (!timeoutMs) return next(input);
      const timer = setInterval(() => context.heartbeat(), Math.max(100, Math.floor(timeoutMs / 3)));
      try {
        return await next(input);
      } finally {
        clearInterval(timer);
      }
    },
  },
});
