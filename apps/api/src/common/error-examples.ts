import type { DomainErrorCode } from '@relance/errors';
import { httpStatusOf } from './error-status';

/**
 * One realistic message per error code, so the OpenAPI document shows what each error a route
 * declares looks like. Typed by DomainErrorCode: a new code does not compile until it has one.
 */
const MESSAGES: Record<DomainErrorCode, string> = {
  validation_failed: 'email must be an email address',
  invalid_json: 'The request body is not valid JSON (Unexpected token } at position 17)',
  unauthorized: 'Invalid API key',
  forbidden: 'Only the account\'s owner can do this',
  not_found: 'No prospect 0b7c2f1e-3d4a-4c5b-9e6f-7a8b9c0d1e2f in this account',
  conflict: 'A prospect with this email already exists in this account',
  suppressed: 'This address is on the account\'s suppression list',
  no_prospects: 'No eligible prospect to enroll: all are already enrolled, stopped or suppressed',
  smtp_unreachable: 'Could not connect to smtp.example.com:587 (connection refused)',
  smtp_tls_failed: 'TLS handshake with smtp.example.com:587 failed (certificate has expired)',
  smtp_auth_failed: 'smtp.example.com refused the username or password (535 5.7.8)',
  smtp_timeout: 'smtp.example.com:587 did not answer within 10 s',
  smtp_failed: 'smtp.example.com answered 421 4.7.0 Try again later',
  imap_unreachable: 'Could not connect to imap.example.com:993 (connection refused)',
  imap_auth_failed: 'imap.example.com refused the username or password',
  imap_timeout: 'imap.example.com:993 did not answer within 10 s',
  imap_mailbox_missing: 'imap.example.com has no folder named INBOX',
  imap_failed: 'imap.example.com answered NO [UNAVAILABLE] Try again later',
  gone: 'This download link has expired: ask for a new export',
  file_too_large: 'The file is larger than 50 MB (IMPORT_MAX_FILE_BYTES)',
  invalid_csv: 'Line 1: duplicate column header "email"',
  unavailable: 'Temporal is unreachable: try again shortly',
  rate_limited: 'Rate limit exceeded: 600 requests per 60 s for this API key; retry in 17 s (see Retry-After)',
  idempotency_key_reused: 'This Idempotency-Key was used with another request',
  idempotency_key_in_flight: 'The first request with this Idempotency-Key is still running: retry later',
  webhook_url_refused: 'url: hooks.internal.example resolves to 10.0.0.12, a private network address',
  plan_limit_reached: 'Plan Starter allows 3 mailboxes; this account has 3',
  billing_disabled: 'Billing is not enabled on this Relance (no STRIPE_SECRET_KEY)',
  invalid_signature: 'The Stripe-Signature header does not match the body',
  internal_error: 'Internal error (request 5f0c9a7e-1d2b-4c3d-8e4f-5a6b7c8d9e0f)',
};

export interface ErrorExample {
  summary: string;
  value: { error: { code: string; message: string; field?: string; details?: { field: string; message: string }[] } };
}

/** Named examples, one per code that maps to `status` (e.g. 422: every SMTP and IMAP failure). */
export function errorExamplesFor(status: number): Record<string, ErrorExample> {
  const examples: Record<string, ErrorExample> = {};
  for (const [code, message] of Object.entries(MESSAGES) as [DomainErrorCode, string][]) {
    if (httpStatusOf(code) !== status) continue;
    const error = code === 'validation_failed'
      ? { code, message, field: 'email', details: [{ field: 'email', message }] }
      : { code, message };
    examples[code] = { summary: code, value: { error } };
  }
  return examples;
}
