import { ApplicationFailure, proxyActivities } from '@temporalio/workflow';
import type { AccountActivities, AccountExportInput } from '@relance/temporal/contracts';

const { writeAccountExport } = proxyActivities<AccountActivities>({
  startToCloseTimeout: '2h',
  heartbeatTimeout: '1m', // a page of rows at a time: a stuck query shows within a minute
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '5m', maximumAttempts: 5 },
});
const { failAccountExport } = proxyActivities<AccountActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});

/** Writes the account's archive; after the last failed attempt the export says it failed, so nobody waits forever. */
export async function accountExportWorkflow(input: AccountExportInput): Promise<{ rowCounts: Record<string, number> }> {
  try {
    return await writeAccountExport({ exportId: input.exportId });
  } catch (error) {
    await failAccountExport({ exportId: input.exportId, reason: 'the archive could not be written; ask for a new export' });
    throw ApplicationFailure.nonRetryable(`account export ${input.exportId} failed`, 'AccountExportFailed');
  }
}
