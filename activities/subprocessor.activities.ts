import { Context } from '@temporalio/activity';
import type { SubprocessorNotices } from '@relance/subprocessors/subprocessor-notices.service';
import type { SubprocessorActivities } from '@relance/temporal/contracts';

export function createSubprocessorActivities(deps: { notices: SubprocessorNotices }): SubprocessorActivities {
  return {
    sendSubprocessorNotices: async ({ changeId }) => {
      // Beats from the event loop while the mails go (one SMTP exchange may outlast the heartbeat
      // timeout): a dead worker shows within a minute, a slow server does not start a second attempt.
      const context = Context.current();
      const beat = setInterval(() => context.heartbeat(), Math.max(100, Math.floor((context.info.heartbeatTimeoutMs ?? 60_000) / 3)));
      try {
        return { sent: (await deps.notices.send(changeId)).total };
      } finally {
        clearInterval(beat);
      }
    },
  };
}
