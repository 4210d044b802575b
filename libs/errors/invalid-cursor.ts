import { DomainError } from './domain-error';

/**
 * A cursor that names nothing in the list being paged: stale, forged or from another list.
 * (Lists are paged by keysetPage in libs/db: `after` is the previous page's `nextCursor`.)
 */
export function invalidCursor(what: string): DomainError {
  const message = `after must be the id of ${what} (use nextCursor)`;
  return new DomainError('validation_failed', message, { field: 'after', details: [{ field: 'after', message }] });
}
