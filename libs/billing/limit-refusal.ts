import { DomainError } from '@relance/errors';
import { type AccountPlan, NO_PLAN } from './plans';

export type LimitName = 'mailboxes' | 'activeProspects';

const WORDS: Record<LimitName, (n: number) => string> = {
  mailboxes: (n) => `${n} mailbox${n === 1 ? '' : 'es'}`,
  activeProspects: (n) => `${n} active prospect${n === 1 ? '' : 's'}`,
};

/**
 * Refuses, naming the limit, the usage and the plan, when `adding` more would pass the plan's
 * limit: e.g. "Plan Starter allows 3 mailboxes; this account has 3".
 */
export function refuseOverLimit(plan: AccountPlan, limit: LimitName, used: number, adding: number): void {
  const allowed = plan.limits[limit];
  if (allowed === null || used + adding <= allowed) return;
  if (plan.key === NO_PLAN.key) {
    throw new DomainError('plan_limit_reached', `This account has no subscription, so no plan allows ${WORDS[limit](adding)}: subscribe to a plan first (POST /v1/billing/checkout)`);
  }
  const tail = adding > 1 ? ` and this would add ${adding}` : '';
  throw new DomainError(
    'plan_limit_reached',
    `Plan ${plan.name} allows ${WORDS[limit](allowed)}; this account has ${used}${tail}`,
  );
}
