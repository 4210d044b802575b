import { Context } from '@temporalio/activity';
import type { SubprocessorNotices } from '@relance/subprocessors/subprocessor-notices.service';
import type { SubprocessorActivities } from '@relance/temporal/contracts';

export function createSubprocessorActivities(deps: { notices: SubprocessorNotices }): SubprocessorActivities {
  return {
    sendSubprocessorNotices: async ({ changeId }) => {
      const run = await deps.notices.send(changeId, () => Context.current().heartbeat());
      return { sent: run.total };
    },
  };
}
