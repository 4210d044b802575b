import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { type AccountPlan, planOf, refuseOverLimit } from '@relance/billing';
import { BillingRepository } from '@relance/db/repositories/billing.repository';

/**
 * The plan's limits where they bite in the API: a new mailbox, a launch enrolling prospects.
 * (The monthly email cap bites at the send claim.) With billing off, nothing is limited.
 */
@Injectable()
export class PlanLimits {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(BillingRepository) private readonly billing: BillingRepository,
  ) {}

  async planOf(accountId: string): Promise<AccountPlan> {
    if (!this.config.billing) return planOf(null, null);
    return planOf(this.config.billing, await this.billing.findSubscription(accountId));
  }

  /** Refuses (plan_limit_reached) a mailbox more than the plan allows. */
  async refuseNewMailbox(accountId: string): Promise<void> {
    const plan = await this.planOf(accountId);
    if (plan.limits.mailboxes === null) return;
    refuseOverLimit(plan, 'mailboxes', await this.billing.countMailboxes(accountId), 1);
  }

  /** Refuses a launch whose `adding` prospects would take the account past its active prospects. */
  async refuseEnrolling(accountId: string, adding: number): Promise<void> {
    const plan = await this.planOf(accountId);
    if (plan.limits.activeProspects === null) return;
    refuseOverLimit(plan, 'activeProspects', await this.billing.countActiveProspects(accountId), adding);
  }
}
