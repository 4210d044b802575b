import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { DomainError } from '@relance/errors';
import type { StoredIdempotencyKey } from '@relance/db/repositories/idempotency-key.repository';

export const IDEMPOTENCY_HEADER = 'Idempotency-Key';
/** Longest key accepted: the column's size, and Stripe's limit, which clients already respect. */
export const MAX_KEY_LENGTH = 255;

/**
 * The key a request sent, undefined when it sent none (the header is optional). An empty key,
 * a longer one, or one with characters outside printable ASCII is a 400 naming the header.
 */
export function readIdempotencyKey(header: string | string[] | undefined): string | undefined {
  if (header === undefined) return undefined;
  const problem = (message: string) =>
    new DomainError('validation_failed', `${IDEMPOTENCY_HEADER} ${message}`, { field: IDEMPOTENCY_HEADER });
  if (Array.isArray(header)) throw problem('must be sent once');
  if (header.trim() === '') throw problem('must not be empty');
  if (header.length > MAX_KEY_LENGTH) throw problem(`must be at most ${MAX_KEY_LENGTH} characters (got ${header.length})`);
  if (!/^[\x20-\x7e]+$/.test(header)) throw problem('must hold printable ASCII characters only (a uuid is a good key)');
  return header;
}

/**
 * What a repeat is compared by: SHA-256 of the method, the path (with its query) and the body
 * in RFC 8785 canonical JSON, so the same object with its keys in another order or other
 * spacing is the same request.
 */
export function requestHash(method: string, url: string, body: unknown): string {
  const canonical = canonicalize([method.toUpperCase(), url, body ?? null]);
  return createHash('sha256').update(canonical ?? '').digest('hex');
}

/** What to do with a request whose key another request already holds. */
export type IdempotencyDecision =
  | { kind: 'replay'; status: number; body: unknown }
  | { kind: 'reused' }
  | { kind: 'in_flight' };

export function decideRepeat(stored: StoredIdempotencyKey, hash: string): IdempotencyDecision {
  if (stored.requestHash !== hash) return { kind: 'reused' };
  if (stored.state === 'in_flight' || stored.responseStatus === null) return { kind: 'in_flight' };
  return { kind: 'replay', status: stored.responseStatus, body: stored.responseBody };
}

/** The error a repeat gets when it cannot be answered from the stored answer. */
export function repeatError(decision: Exclude<IdempotencyDecision, { kind: 'replay' }>): DomainError {
  if (decision.kind === 'reused') {
    return new DomainError(
      'idempotency_key_reused',
      `This ${IDEMPOTENCY_HEADER} was already used with a different request (method, path or body): use a new key for a new request`,
      { field: IDEMPOTENCY_HEADER },
    );
  }
  return new DomainError(
    'idempotency_key_in_flight',
    `A request with this ${IDEMPOTENCY_HEADER} is still being processed: retry later to get its answer`,
    { field: IDEMPOTENCY_HEADER },
  );
}
