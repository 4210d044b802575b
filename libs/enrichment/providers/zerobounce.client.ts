import type { ProviderSettings } from '@relance/config';
import type { Enrichment, Verdict, Verification } from '../verification';
import { httpFailure, ProviderError } from './provider-error';
import { field, providerCall, text } from './provider-http';

/**
 * ZeroBounce's API v2 (from its documentation): GET /v2/validate?api_key&email&ip_address (the
 * IP may be empty) answers `{ address, status, sub_status, free_email, did_you_mean, domain,
 * mx_found, mx_record, smtp_provider, firstname, lastname, gender, country, region, city,
 * zipcode, processed_at }`; status one of valid, invalid, catch-all, unknown, spamtrap, abuse,
 * do_not_mail. A bad key or no credits left still answers 200, with `{ "error": "…" }`. Limits:
 * 50,000 validations in 10 seconds, then blocked for a minute; bad requests 400.
 */
export class ZeroBounceClient {
  constructor(private readonly settings: ProviderSettings, private readonly timeoutMs: number) {}

  async verify(apiKey: string, email: string): Promise<Verification> {
    const body = await this.validate(apiKey, email);
    const status = text(field(body, 'status'));
    const subStatus = text(field(body, 'sub_status'));
    return {
      verdict: subStatus === 'disposable' ? 'disposable' : ZEROBOUNCE_VERDICTS[status ?? ''] ?? 'unknown',
      score: null,
      details: { status, subStatus, mxFound: text(field(body, 'mx_found')), freeEmail: field(body, 'free_email') === true },
    };
  }

  /** The validation's append data: the country ZeroBounce associates with the address. */
  async enrich(apiKey: string, email: string): Promise<Enrichment> {
    const body = await this.validate(apiKey, email);
    const country = text(field(body, 'country'));
    const facts = country ? { country } : {};
    return { facts, details: { ...facts, status: text(field(body, 'status')) } };
  }

  private async validate(apiKey: string, email: string): Promise<unknown> {
    const url = new URL(`${this.settings.baseUrl}/v2/validate`);
    url.searchParams.set('api_key', apiKey);
    url.searchParams.set('email', email);
    url.searchParams.set('ip_address', '');
    const response = await providerCall('zerobounce', url, { method: 'GET', timeoutMs: this.timeoutMs });
    if (response.status >= 300) {
      const detail = text(field(response.body, 'error')) ?? 'no details';
      throw httpFailure('zerobounce', response.status, response.headers.get('retry-after'), detail);
    }
    const error = text(field(response.body, 'error'));
    if (error) throw new ProviderError('zerobounce', 'zerobounce_refused', `zerobounce refused the request: ${error}`, false, 200);
    return response.body;
  }
}

const ZEROBOUNCE_VERDICTS: Record<string, Verdict> = {
  valid: 'valid', invalid: 'invalid', 'catch-all': 'accept_all', unknown: 'unknown', spamtrap: 'risky', abuse: 'risky', do_not_mail: 'risky',
};
