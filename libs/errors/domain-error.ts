/**
 * Every failure the domain reports on purpose carries one of these codes. The HTTP layer
 * maps codes to statuses in one place; domain code never throws HTTP exceptions.
 */
export type DomainErrorCode =
  | 'validation_failed'
  | 'invalid_json'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  /** The address is on the account's suppression list (a 409); erased people's addresses among them. */
  | 'suppressed'
  | 'no_prospects'
  | 'smtp_unreachable'
  | 'smtp_tls_failed'
  | 'smtp_auth_failed'
  | 'smtp_timeout'
  | 'smtp_failed'
  | 'imap_unreachable'
  | 'imap_auth_failed'
  | 'imap_timeout'
  | 'imap_mailbox_missing'
  | 'imap_failed'
  /** What was asked for existed but is no longer available (an expired download link): 410. */
  | 'gone'
  /** An upload larger than the configured limit (IMPORT_MAX_FILE_BYTES): 413. */
  | 'file_too_large'
  /** A CSV that cannot be imported as a whole (empty, binary, too many rows or columns, duplicate headers): 422. */
  | 'invalid_csv'
  /** A webhook URL Relance does not post to (this machine, a private network; http in production): 422. */
  | 'webhook_url_refused'
  | 'unavailable'
  /** Too many requests for the caller's rate limit (a 429 with Retry-After). */
  | 'rate_limited'
  /** An Idempotency-Key already used with another request (a 422). */
  | 'idempotency_key_reused'
  /** An Idempotency-Key whose first request is still running (a 409: retry later). */
  | 'idempotency_key_in_flight'
  /** The account's plan does not allow it (a 402): the message names the limit, the usage and the plan. */
  | 'plan_limit_reached'
  /** Billing is not configured on this server (no STRIPE_SECRET_KEY): a 409. */
  | 'billing_disabled'
  /** A webhook whose signature is missing, wrong or too old (a 400). */
  | 'invalid_signature'
  | 'internal_error';

/** One problem with one input field, e.g. `{ field: 'steps.0.subject', message: 'steps.0.subject must be a string' }`. */
export interface FieldProblem {
  field: string;
  message: string;
}

export interface DomainErrorOptions {
  /** The input field at fault, when there is one (dotted path: `steps.2.body`). */
  field?: string;
  /** Every problem found, when there are several. */
  details?: FieldProblem[];
}

export class DomainError extends Error {
  override readonly name = 'DomainError';
  readonly field: string | undefined;
  readonly details: FieldProblem[] | undefined;

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    options: DomainErrorOptions = {},
  ) {
    super(message);
    this.field = options.field;
    this.details = options.details;
  }

  /** A 400 listing every problem; the first one names the field. */
  static validation(problems: FieldProblem[]): DomainError {
    return new DomainError('validation_failed', problems.map((p) => p.message).join('; '), {
      field: problems[0]?.field,
      details: problems,
    });
  }

  static notFound(what: string, id: string, field?: string): DomainError {
    return new DomainError('not_found', `${what} ${id} not found`, { field });
  }
}
