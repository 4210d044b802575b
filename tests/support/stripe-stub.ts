import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import Stripe from 'stripe';

/** One request the stub received: the SDK's form-encoded body as flat `a[b][0]` keys. */
export interface StripeStubRequest {
  method: string;
  path: string;
  form: Record<string, string>;
  authorization: string | undefined;
  idempotencyKey: string | undefined;
}

export const STUB_SECRET_KEY = 'sk_test_relancestub';
export const STUB_WEBHOOK_SECRET = 'whsec_relancestubsecret';
/** A price the stub does not know, as Stripe answers for one archived or deleted. */
export const ARCHIVED_PRICE = 'price_archived';

/**
 * A loopback stub of the Stripe endpoints Relance calls (customers, Checkout Sessions, Customer
 * Portal sessions), answering in Stripe's documented shapes and recording what it received; and
 * webhook events signed with the SDK's own test-header helper.
 */
export class StripeStub {
  readonly requests: StripeStubRequest[] = [];
  private readonly sdk = new Stripe(STUB_SECRET_KEY);
  private constructor(private readonly server: ReturnType<typeof createServer>, readonly url: string) {}

  static async start(): Promise<StripeStub> {
    let stub: StripeStub | undefined;
    const server = createServer((request, response) => void stub!.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stub = new StripeStub(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return stub;
  }

  /** The environment that turns billing on against this stub. */
  env(plans: unknown[], extra: Record<string, string> = {}): Record<string, string> {
    return {
      STRIPE_SECRET_KEY: STUB_SECRET_KEY, STRIPE_WEBHOOK_SECRET: STUB_WEBHOOK_SECRET, STRIPE_API_BASE: this.url,
      BILLING_PLANS: JSON.stringify(plans), ...extra,
    };
  }

  /** A Stripe event as the body Stripe posts, and its Stripe-Signature header (signed with `secret`, at `timestamp` seconds). */
  signedEvent(
    type: string, object: object,
    options: { id?: string; created?: number; secret?: string; timestamp?: number } = {},
  ): { payload: string; signature: string; id: string } {
    const id = options.id ?? `evt_${randomBytes(12).toString('hex')}`;
    const created = options.created ?? Math.floor(Date.now() / 1000);
    const payload = JSON.stringify({ id, object: 'event', api_version: Stripe.API_VERSION, created, livemode: false, type, data: { object } });
    const signature = this.sdk.webhooks.generateTestHeaderString({
      payload, secret: options.secret ?? STUB_WEBHOOK_SECRET, timestamp: options.timestamp,
    });
    return { payload, signature, id };
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const path = new URL(request.url ?? '/', this.url).pathname;
    const form = Object.fromEntries(new URLSearchParams(Buffer.concat(chunks).toString('utf8')));
    const header = (name: string) => request.headers[name] as string | undefined;
    this.requests.push({ method: request.method ?? '', path, form, authorization: header('authorization'), idempotencyKey: header('idempotency-key') });
    const json = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json', 'request-id': `req_${randomBytes(6).toString('hex')}` });
      response.end(JSON.stringify(body));
    };
    if (header('authorization') !== `Bearer ${STUB_SECRET_KEY}`) {
      return json(401, { error: { type: 'invalid_request_error', message: 'Invalid API Key provided' } });
    }
    const id = (prefix: string) => `${prefix}_${randomBytes(8).toString('hex')}`;
    const created = Math.floor(Date.now() / 1000);
    if (request.method === 'POST' && path === '/v1/customers') {
      return json(200, { id: id('cus'), object: 'customer', created, livemode: false, metadata: metadataOf(form) });
    }
    if (request.method === 'POST' && path === '/v1/checkout/sessions') {
      // A price archived at Stripe but still configured: Stripe's answer to an unknown price.
      if (form['line_items[0][price]'] === ARCHIVED_PRICE) {
        return json(400, { error: { type: 'invalid_request_error', code: 'resource_missing', param: 'line_items[0][price]', message: `No such price: '${ARCHIVED_PRICE}'` } });
      }
      const sessionId = id('cs_test');
      return json(200, {
        id: sessionId, object: 'checkout.session', mode: form.mode, status: 'open', customer: form.customer,
        client_reference_id: form.client_reference_id ?? null, success_url: form.success_url, cancel_url: form.cancel_url,
        url: `https://checkout.stripe.com/c/pay/${sessionId}`, subscription: null, created, livemode: false,
      });
    }
    if (request.method === 'POST' && path === '/v1/billing_portal/sessions') {
      return json(200, {
        id: id('bps'), object: 'billing_portal.session', customer: form.customer, return_url: form.return_url ?? null,
        url: `https://billing.stripe.com/p/session/test_${randomBytes(8).toString('hex')}`, created, livemode: false,
      });
    }
    return json(404, { error: { type: 'invalid_request_error', message: `Unrecognized request URL (${request.method}: ${path})` } });
  }
}

function metadataOf(form: Record<string, string>): Record<string, string> {
  const entries = Object.entries(form).filter(([key]) => key.startsWith('metadata['));
  return Object.fromEntries(entries.map(([key, value]) => [key.slice('metadata['.length, -1), value]));
}

/** A subscription object as Stripe sends it in customer.subscription.* events (the fields Relance reads). */
export function stripeSubscription(input: {
  id: string; customer: string; status: string; priceId: string; periodEnd?: number; trialEnd?: number | null;
}): object {
  const periodEnd = input.periodEnd ?? Math.floor(Date.now() / 1000) + 30 * 86_400;
  return {
    id: input.id, object: 'subscription', customer: input.customer, status: input.status,
    trial_end: input.trialEnd ?? null, cancel_at_period_end: false, livemode: false,
    items: { object: 'list', data: [{ id: `si_${input.id}`, object: 'subscription_item', price: { id: input.priceId, object: 'price' }, quantity: 1, current_period_end: periodEnd }] },
  };
}
