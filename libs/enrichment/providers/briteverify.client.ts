import type { ProviderSettings } from '@relance/config';
import type { Verdict, Verification } from '../verification';
import { httpFailure } from './provider-error';
import { field, providerCall, text } from './provider-http';

/**
 * BriteVerify's real-time single transaction API (from its API documentation):
 * POST /api/public/v1/fullverify with `Authorization: ApiKey: <key>` and `{ "email": "<address>" }`
 * answers `{ email: { address, account, domain, status, error_code, error, connected, disposable,
 * role_address }, duration }`, status one of valid, invalid, accept_all, unknown. Limits: 500
 * verifications per key per minute; beyond them a 429. 401 for a bad key, 400 for a bad body.
 */
export class BriteVerifyClient {
  constructor(private readonly settings: ProviderSettings, private readonly timeoutMs: number) {}

  async verify(apiKey: string, email: string): Promise<Verification> {
    const response = await providerCall('briteverify', new URL(`${this.settings.baseUrl}/api/public/v1/fullverify`), {
      method: 'POST',
      headers: { authorization: `ApiKey: ${apiKey}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ email }),
      timeoutMs: this.timeoutMs,
    });
    if (response.status >= 300) {
      const detail = text(field(response.body, 'message')) ?? text(field(response.body, 'error')) ?? 'no details';
      throw httpFailure('briteverify', response.status, response.headers.get('retry-after'), detail);
    }
    const result = field(response.body, 'email');
    const status = text(field(result, 'status'));
    const disposable = field(result, 'disposable') === true;
    const roleAddress = field(result, 'role_address') === true;
    let verdict: Verdict = BRITEVERIFY_VERDICTS[status ?? ''] ?? 'unknown';
    if (verdict === 'valid' && disposable) verdict = 'disposable';
    return { verdict, score: null, details: { status, errorCode: text(field(result, 'error_code')), disposable, roleAddress } };
  }
}

const BRITEVERIFY_VERDICTS: Record<string, Verdict> = { valid: 'valid', invalid: 'invalid', accept_all: 'accept_all', unknown: 'unknown' };
