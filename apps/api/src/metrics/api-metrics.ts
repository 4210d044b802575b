import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/**
 * The API's metrics, on a registry of its own: requests by method, route pattern (never the raw
 * URL, which may carry ids or an address) and status; and two gauges read from the database at
 * each scrape, so they hold for the whole deployment whichever process is asked.
 */
@Injectable()
export class ApiMetrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'relance_http_requests_total', help: 'API requests by method, route pattern and status',
    labelNames: ['method', 'route', 'status'], registers: [this.registry],
  });
  private readonly durations = new Histogram({
    name: 'relance_http_request_duration_seconds', help: 'API request durations by method and route pattern',
    labelNames: ['method', 'route'], buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10], registers: [this.registry],
  });
  readonly unknownMessages = new Gauge({
    name: 'relance_messages_unknown', help: 'Emails in `unknown` (sent or not, nobody can tell): each needs a look', registers: [this.registry],
  });
  readonly failingMailboxes = new Gauge({
    name: 'relance_mailboxes_sync_failing', help: 'Mailboxes whose last INBOX sync failed', registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry });
  }

  /** `route`: the matched pattern (/v1/campaigns/:id), or `unmatched`. */
  requestFinished(method: string | undefined, route: string, status: number, seconds: number): void {
    const verb = method && METHODS.has(method) ? method : 'OTHER';
    this.requests.inc({ method: verb, route, status: String(status) });
    this.durations.observe({ method: verb, route }, seconds);
  }
}
