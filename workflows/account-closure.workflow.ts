import { condition, proxyActivities, setHandler } from '@temporalio/workflow';
import {
  type AccountActivities, type AccountClosureInput, type AccountClosureResult, closureCancelledSignal,
} from '@relance/temporal/contracts';

const { closurePurgeAfter } = proxyActivities<AccountActivities>({
  startToCloseTimeout: '30s',
  retry: { initialInterval: '1s', backoffCoefficient: 2, maximumInterval: '1m' },
});
const { purgeClosedAccount } = proxyActivities<AccountActivities>({
  startToCloseTimeout: '30m',
  retry: { initialInterval: '5s', backoffCoefficient: 2, maximumInterval: '5m' },
});

/**
 * An account's closure: sending stopped when it was asked (by the API, in the same transaction
 * that started this workflow), then the grace period, then the purge. A reactivation signals
 * the end of the wait; the database is the authority either way: the purge runs only while the
 * closure is still pending and due, under its lock, so a reactivation at the last moment keeps
 * everything.
 */
export async function accountClosureWorkflow(input: AccountClosureInput): Promise<AccountClosureResult> {
  let cancelled = false;
  setHandler(closureCancelledSignal, () => {
    cancelled = true;
  });
  let purgeAfter = await closurePurgeAfter({ accountId: input.accountId });
  while (purgeAfter !== null) {
    const graceMs = Math.max(0, new Date(purgeAfter).getTime() - Date.now());
    if (await condition(() => cancelled, graceMs)) return { outcome: 'cancelled' };
    const purge = await purgeClosedAccount({ accountId: input.accountId });
    if (purge.kind === 'purged') return { outcome: 'purged', counts: purge.counts };
    // Woken a moment before the database's clock says the grace is over: wait the rest.
    purgeAfter = purge.kind === 'not_due' ? purge.purgeAfter : null;
  }
  return { outcome: 'cancelled' };
}
