/** The send claim's billing reads and writes: the account's subscription and its monthly email counter. */

import type { EntityManager } from 'typeorm';
import type { ClaimBilling } from './send-claim';

/**
 * The account's subscription and the emails its claims took in `month`, the counter's row locked
 * (created first if need be) so concurrent claims of one account count one after the other and
 * a cap is never passed. Taken after the enrollment, prospect and account locks and before the
 * pacing locks, the order every claim follows.
 */
export async function readClaimBilling(manager: EntityManager, accountId: string, month: string): Promise<ClaimBilling> {
  await manager.query(
    `INSERT INTO billing_monthly_usage (account_id, month, emails) VALUES ($1, $2, 0) ON CONFLICT DO NOTHING`,
    [accountId, month],
  );
  const [usage] = await manager.query(
    `SELECT emails FROM billing_monthly_usage WHERE account_id = $1 AND month = $2 FOR UPDATE`,
    [accountId, month],
  );
  const [subscription] = await manager.query(
    `SELECT status, plan_key, lapsed_since FROM billing_subscriptions WHERE account_id = $1`,
    [accountId],
  );
  return {
    emailsThisMonth: usage.emails,
    subscription: subscription
      ? { status: subscription.status, planKey: subscription.plan_key, lapsedSince: subscription.lapsed_since }
      : null,
  };
}

/** One more email claimed by the account this month (its row is locked by readClaimBilling). */
export async function countClaimedEmail(manager: EntityManager, accountId: string, month: string): Promise<void> {
  await manager.query(
    `UPDATE billing_monthly_usage SET emails = emails + 1 WHERE account_id = $1 AND month = $2`,
    [accountId, month],
  );
}
