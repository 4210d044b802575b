import type { DomainErrorCode } from '@relance/errors';

/** The one mapping from domain error codes to HTTP statuses. */
const STATUS: Record<DomainErrorCode, number> = {
  validation_failed: 400,
  invalid_json: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  suppressed: 409,
  no_prospects: 422,
  smtp_unreachable: 422,
  smtp_tls_failed: 422,
  smtp_auth_failed: 422,
  smtp_timeout: 422,
  smtp_failed: 422,
  imap_unreachable: 422,
  imap_auth_failed: 422,
  imap_timeout: 422,
  imap_mailbox_missing: 422,
  imap_failed: 422,
  gone: 410,
  file_too_large: 413,
  invalid_csv: 422,
  webhook_url_refused: 422,
  unavailable: 503,
  rate_limited: 429,
  idempotency_key_reused: 422,
  idempotency_key_in_flight: 409,
  plan_limit_reached: 402,
  billing_disabled: 409,
  invalid_signature: 400,
  internal_error: 500,
};

export function httpStatusOf(code: DomainErrorCode): number {
  return STATUS[code];
}

/** Codes for errors raised by the framework itself (unknown route, wrong method, body too large). */
const CODE_OF_STATUS: Record<number, string> = {
  400: 'bad_request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  413: 'payload_too_large',
  415: 'unsupported_media_type',
  429: 'too_many_requests',
};

export function codeOfHttpStatus(status: number): string {
  return CODE_OF_STATUS[status] ?? (status >= 500 ? 'internal_error' : 'bad_request');
}
