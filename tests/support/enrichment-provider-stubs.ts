import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type StubProvider = 'hunter' | 'briteverify' | 'zerobounce';

/** One request a stub received: which provider, which endpoint, for which address (or domain), with which key. */
export interface StubRequest {
  provider: StubProvider;
  path: string;
  subject: string;
  apiKey: string | null;
}

/** Keys the stubs take; any other is refused as the providers refuse a bad key. */
export const STUB_KEYS = { hunter: 'hunter-test-key-1234', briteverify: 'briteverify-test-key-5678', zerobounce: 'zerobounce-test-key-9012' };

/**
 * Loopback stubs of Hunter (v2 email-verifier, email-finder, domain-search), BriteVerify
 * (public v1 fullverify) and ZeroBounce (v2 validate), answering in their documented shapes.
 * The address's local part picks the answer: `valid…`, `invalid…`, `catchall…`, `disposable…`;
 * `throttled…` is refused once per address (429 with Retry-After: 1; Hunter: 403, its rate
 * limit) then answered; `broken…` always gets a 500; `refused…` a 400.
 */
export class ProviderStubs {
  readonly requests: StubRequest[] = [];
  private readonly throttledOnce = new Set<string>();
  private constructor(private readonly server: ReturnType<typeof createServer>, readonly url: string) {}

  static async start(): Promise<ProviderStubs> {
    let stubs: ProviderStubs | undefined;
    const server = createServer((request, response) => void stubs!.handle(request, response));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    stubs = new ProviderStubs(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    return stubs;
  }

  /** The environment that points Relance at these stubs. */
  env(): Record<string, string> {
    return { ENRICHMENT_HUNTER_URL: this.url, ENRICHMENT_BRITEVERIFY_URL: this.url, ENRICHMENT_ZEROBOUNCE_URL: this.url };
  }

  requestsFor(subject: string): StubRequest[] {
    return this.requests.filter((request) => request.subject === subject);
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private async handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', this.url);
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      response.writeHead(status, { 'content-type': 'application/json', ...headers });
      response.end(JSON.stringify(body));
    };
    if (url.pathname.startsWith('/v2/email-verifier') || url.pathname.startsWith('/v2/email-finder') || url.pathname.startsWith('/v2/domain-search')) {
      return this.hunter(url, json);
    }
    if (url.pathname === '/api/public/v1/fullverify' && request.method === 'POST') return this.briteVerify(request, json);
    if (url.pathname === '/v2/validate') return this.zeroBounce(url, json);
    json(404, { message: 'no such endpoint' });
  }

  private hunter(url: URL, json: Reply): void {
    const apiKey = url.searchParams.get('api_key');
    const email = url.searchParams.get('email') ?? '';
    const subject = email || `${url.searchParams.get('first_name') ?? ''} ${url.searchParams.get('last_name') ?? ''}@${url.searchParams.get('domain') ?? ''}`.trim();
    this.requests.push({ provider: 'hunter', path: url.pathname, subject: url.pathname === '/v2/domain-search' ? url.searchParams.get('domain') ?? '' : subject, apiKey });
    const error = (status: number, id: string, details: string) => json(status, { errors: [{ id, code: status, details }] });
    if (apiKey !== STUB_KEYS.hunter) return error(401, 'authentication_failed', 'No user found for the API key supplied');
    if (url.pathname === '/v2/domain-search') {
      const domain = url.searchParams.get('domain') ?? '';
      return json(200, {
        data: { domain, organization: 'Acme Corp', country: 'FR', pattern: '{first}', emails: [
          { value: `valid@${domain}`, type: 'personal', confidence: 94, first_name: 'Val', last_name: 'Id', position: 'CTO' },
        ] },
        meta: { results: 1, limit: 10, offset: 0, params: { domain } },
      });
    }
    if (url.pathname === '/v2/email-finder') {
      const first = (url.searchParams.get('first_name') ?? '').toLowerCase();
      const last = (url.searchParams.get('last_name') ?? '').toLowerCase();
      const domain = url.searchParams.get('domain') ?? '';
      if (domain === 'unknown-to-hunter.test') return json(200, { data: { email: null, score: null, domain }, meta: { params: {} } });
      return json(200, { data: { first_name: first, last_name: last, email: `${first}.${last}@${domain}`, score: 93, domain, position: null, sources: [] }, meta: { params: {} } });
    }
    const local = email.slice(0, email.indexOf('@'));
    if (local.startsWith('throttled') && !this.once(`hunter:${email}`)) {
      return error(403, 'too_many_requests', 'You have reached the rate limit');
    }
    if (local.startsWith('broken')) return error(500, 'internal_error', 'Something went wrong');
    if (local.startsWith('refused')) return error(400, 'wrong_params', 'The email is invalid');
    const status = verdictOf(local);
    const result = status === 'valid' ? 'deliverable' : status === 'invalid' ? 'undeliverable' : 'risky';
    json(200, {
      data: { status, result, score: status === 'valid' ? 91 : 20, email, regexp: true, gibberish: false, disposable: status === 'disposable',
        webmail: false, mx_records: true, smtp_server: true, smtp_check: status === 'valid', accept_all: status === 'accept_all', block: false, sources: [] },
      meta: { params: { email } },
    });
  }

  private async briteVerify(request: IncomingMessage, json: Reply): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    let email = '';
    try {
      email = String(JSON.parse(Buffer.concat(chunks).toString('utf8')).email ?? '');
    } catch {
      return json(400, { message: 'invalid JSON' });
    }
    const auth = request.headers.authorization ?? null;
    this.requests.push({ provider: 'briteverify', path: '/api/public/v1/fullverify', subject: email, apiKey: auth });
    if (auth !== `ApiKey: ${STUB_KEYS.briteverify}`) return json(401, { message: 'Unauthorized: invalid API key' });
    const local = email.slice(0, email.indexOf('@'));
    if (local.startsWith('throttled') && !this.once(`briteverify:${email}`)) return json(429, { message: 'Too Many Requests' }, { 'retry-after': '1' });
    if (local.startsWith('broken')) return json(503, { message: 'Service Unavailable' });
    if (local.startsWith('refused')) return json(400, { message: 'email is required' });
    const verdict = verdictOf(local);
    const status = verdict === 'disposable' ? 'valid' : verdict;
    json(200, {
      email: { address: email, account: local, domain: email.slice(email.indexOf('@') + 1), status, connected: null,
        disposable: verdict === 'disposable', role_address: false, ...(status === 'invalid' ? { error_code: 'email_account_invalid', error: 'Email account invalid' } : {}) },
      duration: 0.05,
    });
  }

  private zeroBounce(url: URL, json: Reply): void {
    const email = url.searchParams.get('email') ?? '';
    const apiKey = url.searchParams.get('api_key');
    this.requests.push({ provider: 'zerobounce', path: url.pathname, subject: email, apiKey });
    if (!email) return json(400, { error: 'Missing parameter: email' });
    if (apiKey !== STUB_KEYS.zerobounce) return json(200, { error: 'Invalid API key or your account ran out of credits' });
    const local = email.slice(0, email.indexOf('@'));
    if (local.startsWith('throttled') && !this.once(`zerobounce:${email}`)) return json(429, { error: 'Too many requests' }, { 'retry-after': '1' });
    if (local.startsWith('broken')) return json(500, { error: 'Internal error' });
    const verdict = verdictOf(local);
    json(200, {
      address: email, status: verdict === 'accept_all' ? 'catch-all' : verdict === 'disposable' ? 'do_not_mail' : verdict,
      sub_status: verdict === 'disposable' ? 'disposable' : '', free_email: false, did_you_mean: null, account: local,
      domain: email.slice(email.indexOf('@') + 1), domain_age_days: '9000', smtp_provider: 'acme', mx_found: 'true', mx_record: 'mx.acme.test',
      firstname: null, lastname: null, gender: null, country: 'France', region: null, city: null, zipcode: null, processed_at: '2026-12-07 10:00:00.000',
    });
  }

  /** True the first time a key is seen (the request to refuse), false afterwards. */
  private once(key: string): boolean {
    if (this.throttledOnce.has(key)) return true;
    this.throttledOnce.add(key);
    return false;
  }
}

type Reply = (status: number, body: unknown, headers?: Record<string, string>) => void;

function verdictOf(local: string): 'valid' | 'invalid' | 'accept_all' | 'disposable' | 'unknown' {
  if (local.startsWith('invalid')) return 'invalid';
  if (local.startsWith('catchall')) return 'accept_all';
  if (local.startsWith('disposable')) return 'disposable';
  if (local.startsWith('unknown')) return 'unknown';
  return 'valid';
}
