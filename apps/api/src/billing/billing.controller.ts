import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AccountId } from '../auth/account-id.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { Idempotent } from '../idempotency/idempotent.decorator';
import { BillingService } from './billing.service';
import { CreateCheckoutSessionDto, CreatePortalSessionDto } from './dto/billing-input.dto';
import { BillingStateDto, SessionUrlDto } from './dto/billing.dto';

/** The account's subscription: subscribe (Stripe Checkout), manage it (the Customer Portal), see the plan and usage. */
@ApiTags('billing')
@ApiBearerAuth('api-key')
@ApiErrors(401)
@Controller('v1/billing')
export class BillingController {
  constructor(@Inject(BillingService) private readonly billing: BillingService) {}

  @Get()
  @ApiOperation({
    summary: 'The account\'s subscription, its plan\'s limits and what it uses of them',
    description: 'With billing off (no STRIPE_SECRET_KEY), `enabled` is false and the plan is `unlimited`.',
  })
  @ApiOkResponse({
    type: BillingStateDto,
    example: {
      enabled: true, plan: { key: 'starter', name: 'Starter' }, status: 'active', trialEndsAt: null,
      currentPeriodEnd: '2027-01-07T00:00:00.000Z', lapsedSince: null, sendingPaused: false,
      usage: { mailboxes: { used: 2, allowed: 3 }, activeProspects: { used: 640, allowed: 1000 }, monthlyEmails: { used: 1200, allowed: 5000, month: '2026-12' } },
      plans: [{ key: 'starter', name: 'Starter', trialDays: 14, limits: { mailboxes: 3, activeProspects: 1000, monthlyEmails: 5000 } }],
    },
  })
  state(@AccountId() accountId: string): Promise<BillingStateDto> {
    return this.billing.state(accountId);
  }

  @Post('checkout')
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Start subscribing to a plan: a Stripe Checkout Session to send the customer to',
    description:
      'The card is entered on Stripe\'s page, never in Relance. The subscription takes effect when Stripe\'s webhook ' +
      'says so. A first subscription starts with the plan\'s trial. 409 when the account already has a running ' +
      'subscription (change plans in the portal) or billing is off.',
  })
  @ApiCreatedResponse({ type: SessionUrlDto, example: { id: 'cs_test_a1b2c3', url: 'https://checkout.stripe.com/c/pay/cs_test_a1b2c3' } })
  @ApiErrors(400, 409, 503)
  checkout(@AccountId() accountId: string, @Body() body: CreateCheckoutSessionDto): Promise<SessionUrlDto> {
    return this.billing.checkout(accountId, body);
  }

  @Post('portal')
  @HttpCode(201)
  @Idempotent()
  @ApiOperation({
    summary: 'Manage the subscription (card, plan, invoices, cancellation): a Stripe Customer Portal session',
    description: '409 when the account never went to Checkout, or billing is off.',
  })
  @ApiCreatedResponse({ type: SessionUrlDto, example: { id: 'bps_1QaBcD', url: 'https://billing.stripe.com/p/session/test_a1b2c3' } })
  @ApiErrors(400, 409, 503)
  portal(@AccountId() accountId: string, @Body() body: CreatePortalSessionDto): Promise<SessionUrlDto> {
    return this.billing.portal(accountId, body);
  }
}
