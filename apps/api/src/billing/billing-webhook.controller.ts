import { Controller, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBody, ApiHeader, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { IncomingMessage } from 'node:http';
import { Public } from '../auth/public.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { BillingWebhookService } from './billing-webhook.service';
import { WebhookReceiptDto } from './dto/billing.dto';

/** Where Stripe posts its events (register <API_PUBLIC_URL>/v1/billing/webhook at Stripe). No API key: the signature is the proof. */
@ApiTags('billing')
@Public()
@Controller('v1/billing/webhook')
export class BillingWebhookController {
  constructor(@Inject(BillingWebhookService) private readonly webhooks: BillingWebhookService) {}

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'Receive a Stripe event (Stripe only; signed)',
    description:
      'Verified on the raw body with the endpoint\'s signing secret (STRIPE_WEBHOOK_SECRET); a missing or wrong ' +
      'signature, or one older than STRIPE_WEBHOOK_TOLERANCE (a replay), is a 400 `invalid_signature`. Each event is ' +
      'processed once; an event older than the subscription\'s stored state changes nothing; types Relance does not ' +
      'act on are acknowledged and ignored.',
  })
  @ApiHeader({ name: 'Stripe-Signature', required: true, description: 'Set by Stripe', schema: { type: 'string', example: 't=1765148400,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e77a0e56ff536d0ce8e108d8bd' } })
  @ApiBody({
    description: 'A Stripe event, as Stripe sends it',
    schema: { type: 'object', example: { id: 'evt_1QaBcD', object: 'event', type: 'invoice.paid', created: 1765148400, data: { object: { id: 'in_1QaBcD', customer: 'cus_RaBcD' } } } },
  })
  @ApiOkResponse({ type: WebhookReceiptDto, description: 'Received (applied, stale, ignored or duplicate)' })
  @ApiErrors(400, 409)
  async receive(@Req() request: IncomingMessage & { body?: unknown }, @Headers('stripe-signature') signature: string | undefined): Promise<WebhookReceiptDto> {
    return { received: true, outcome: await this.webhooks.receive(request.body, signature) };
  }
}
