import type { ProviderSettings } from '@relance/config';
import type { Enrichment, Verdict, Verification } from '../verification';
import { httpFailure, parseRetryAfter, ProviderError } from './provider-error';
import { field, num, providerCall, text, type ProviderResponse } from './provider-http';

/**
 * Hunter's API v2 (what this relies on, from Hunter's API documentation):
 * - GET /v2/email-verifier?email&api_key → `{ data: { status, result, score, mx_records, smtp_check,
 *   accept_all, disposable, webmail, … } }`; status is one of valid, invalid, accept_all, webmail,
 *   disposable, unknown. 202 means the check still runs ("retry later"), 222 that the remote SMTP
 *   server answered unexpectedly ("retry later").
 * - GET /v2/email-finder?domain&first_name&last_name&api_key → `{ data: { email, score, position,
 *   company, … } }` (email null when none was found).
 * - GET /v2/domain-search?domain&api_key → `{ data: { organization, country, pattern, emails: [{ value,
 *   confidence, position, … }] } }`.
 * - Errors: `{ errors: [{ id, code, details }] }`; 400 wrong parameters, 401 no valid key, 403 the
 *   rate limit (15/s and 500/min, 10/s and 300/min for the verifier) — slow down and retry —, 429
 *   the plan's monthly usage limit — retrying does not help until the next cycle —, 451 refused for
 *   legal reasons, 5xx on Hunter's side. Hunter documents no Retry-After, but one sent is honoured.
 */
export class HunterClient {
  constructor(private readonly settings: ProviderSettings, private readonly timeoutMs: number) {}

  async verify(apiKey: string, email: string): Promise<Verification> {
    const response = await this.get('/v2/email-verifier', apiKey, { email });
    if (response.status === 202 || response.status === 222) {
      throw new ProviderError('hunter', `hunter_${response.status}`, 'hunter has no answer yet: retry later', true, response.status,
        null);
    }
    const data = field(response.body, 'data');
    const status = text(field(data, 'status'));
    return {
      verdict: HUNTER_VERDICTS[status ?? ''] ?? 'unknown',
      score: num(field(data, 'score')),
      details: { status, result: text(field(data, 'result')), smtpCheck: field(data, 'smtp_check') === true },
    };
  }

  /** The address Hunter finds for a person at a domain, with its confidence; null when it finds none. */
  async findEmail(apiKey: string, person: { firstName: string; lastName: string; domain: string }) {
    const response = await this.get('/v2/email-finder', apiKey, {
      domain: person.domain, first_name: person.firstName, last_name: person.lastName,
    });
    const data = field(response.body, 'data');
    const email = text(field(data, 'email'));
    return email ? { email, score: num(field(data, 'score')) ?? 0 } : null;
  }

  /** What Hunter knows of the prospect's company domain, and of the prospect when it lists their address. */
  async enrich(apiKey: string, email: string): Promise<Enrichment> {
    const domain = email.slice(email.lastIndexOf('@') + 1);
    const response = await this.get('/v2/domain-search', apiKey, { domain });
    const data = field(response.body, 'data');
    const emails = field(data, 'emails');
    const person = Array.isArray(emails) ? emails.find((entry) => text(field(entry, 'value'))?.toLowerCase() === email) : undefined;
    const facts = {
      ...(text(field(person, 'position')) ? { position: text(field(person, 'position'))! } : {}),
      ...(text(field(data, 'organization')) ? { company: text(field(data, 'organization'))! } : {}),
      ...(text(field(data, 'country')) ? { country: text(field(data, 'country'))! } : {}),
    };
    return { facts, details: { ...facts, pattern: text(field(data, 'pattern')), listed: person !== undefined } };
  }

  private async get(path: string, apiKey: string, params: Record<string, string>): Promise<ProviderResponse> {
    const url = new URL(`${this.settings.baseUrl}${path}`);
    for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
    url.searchParams.set('api_key', apiKey);
    const response = await providerCall('hunter', url, { method: 'GET', timeoutMs: this.timeoutMs });
    if (response.status < 300) return response;
    throw hunterFailure(response);
  }
}

const HUNTER_VERDICTS: Record<string, Verdict> = {
  valid: 'valid', invalid: 'invalid', accept_all: 'accept_all', disposable: 'disposable', webmail: 'valid', unknown: 'unknown',
};

function hunterFailure(response: ProviderResponse): ProviderError {
  const first = (field(response.body, 'errors') as unknown[] | undefined)?.[0];
  const detail = text(field(first, 'details')) ?? text(field(first, 'id')) ?? 'no details';
  const retryAfter = response.headers.get('retry-after');
  if (response.status === 403) {
    // Hunter's rate limit: transient by definition.
    return new ProviderError('hunter', 'hunter_rate_limited', `hunter rate limit: ${detail}`, true, 403, parseRetryAfter(retryAfter));
  }
  if (response.status === 429) {
    return new ProviderError('hunter', 'hunter_usage_limit', `hunter usage limit reached: ${detail}`, false, 429);
  }
  return httpFailure('hunter', response.status, retryAfter, detail);
}
