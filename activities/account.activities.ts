import { Context } from '@temporalio/activity';
import type { AccountClosureService, AccountExportService } from '@relance/privacy/accounts';
import { flatCounts } from '@relance/privacy/accounts/account-closure.service';
import type { AccountActivities } from '@relance/temporal/contracts';

export function createAccountActivities(deps: { exports: AccountExportService; closures: AccountClosureService }): AccountActivities {
  return {
    writeAccountExport: ({ exportId }) => deps.exports.writeArchive(exportId, () => Context.current().heartbeat()),
    failAccountExport: ({ exportId, reason }) => deps.exports.markFailed(exportId, reason),
    closurePurgeAfter: async ({ accountId }) => (await deps.closures.purgeAfter(accountId))?.toISOString() ?? null,
    purgeClosedAccount: async ({ accountId }) => {
      const outcome = await deps.closures.purge(accountId);
      if (outcome.kind === 'purged') return { kind: 'purged', counts: flatCounts(outcome.certificate) };
      if (outcome.kind === 'not_due') return { kind: 'not_due', purgeAfter: outcome.purgeAfter.toISOString() };
      return { kind: 'not_pending' };
    },
  };
}
