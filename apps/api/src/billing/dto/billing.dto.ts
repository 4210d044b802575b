import { ApiProperty } from '@nestjs/swagger';

export class SessionUrlDto {
  @ApiProperty({ example: 'cs_test_a1b2c3', description: 'Stripe\'s id of the session' }) id: string;
  @ApiProperty({ example: 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3', description: 'Send the customer here (valid 24 hours for Checkout, 5 minutes for the portal)' })
  url: string;
}

export class LimitUsageDto {
  @ApiProperty({ example: 2, description: 'How much of it the account uses now' }) used: number;
  @ApiProperty({ type: Number, nullable: true, example: 3, description: 'What the plan allows; null: no limit' }) allowed: number | null;
}

export class MonthlyUsageDto extends LimitUsageDto {
  @ApiProperty({ example: '2026-12', description: 'The calendar month (UTC) the emails are counted in' }) month: string;
}

export class UsageDto {
  @ApiProperty({ type: LimitUsageDto, example: { used: 2, allowed: 3 } }) mailboxes: LimitUsageDto;
  @ApiProperty({
    type: LimitUsageDto, example: { used: 640, allowed: 1000 },
    description: 'Prospects with at least one enrollment still running (active or paused): enrolled and not yet replied, bounced, completed, stopped or failed',
  })
  activeProspects: LimitUsageDto;
  @ApiProperty({ type: MonthlyUsageDto, example: { used: 1200, allowed: 5000, month: '2026-12' }, description: 'Emails claimed for sending this month, resends included' })
  monthlyEmails: MonthlyUsageDto;
}

export class PlanDto {
  @ApiProperty({ example: 'starter', description: '`unlimited` when billing is off; `none` without a subscription' }) key: string;
  @ApiProperty({ example: 'Starter' }) name: string;
}

export class OfferedPlanDto extends PlanDto {
  @ApiProperty({ example: 14, description: 'Days of free trial a new subscription starts with' }) trialDays: number;
  @ApiProperty({ example: { mailboxes: 3, activeProspects: 1000, monthlyEmails: 5000 }, description: 'null: no limit' })
  limits: { mailboxes: number | null; activeProspects: number | null; monthlyEmails: number | null };
}

export class BillingStateDto {
  @ApiProperty({ example: true, description: 'false: this server bills nobody and nothing is limited' }) enabled: boolean;
  @ApiProperty({ type: PlanDto, example: { key: 'starter', name: 'Starter' } }) plan: PlanDto;
  @ApiProperty({ type: String, nullable: true, example: 'active', description: 'Stripe\'s subscription status (trialing, active, past_due, unpaid, canceled…); null: none' })
  status: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2026-12-21T00:00:00.000Z' }) trialEndsAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: '2027-01-07T00:00:00.000Z' }) currentPeriodEnd: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, example: null, description: 'Since when it is unpaid or ended; null: paid up' })
  lapsedSince: string | null;
  @ApiProperty({ example: false, description: 'true: sending is paused until the subscription is paid (the grace period is over); nothing is deleted' })
  sendingPaused: boolean;
  @ApiProperty({ type: UsageDto }) usage: UsageDto;
  @ApiProperty({ type: [OfferedPlanDto], description: 'The plans one may subscribe to' }) plans: OfferedPlanDto[];
}

export class WebhookReceiptDto {
  @ApiProperty({ example: true }) received: boolean;
  @ApiProperty({ enum: ['applied', 'stale', 'ignored', 'duplicate'], example: 'applied', description: 'stale: older than the state kept; duplicate: already processed' })
  outcome: string;
}
