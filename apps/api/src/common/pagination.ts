import { DomainError } from '@relance/errors';

/** Cursor pagination: `after` is the id of the last item of the previous page (its `nextCursor`). */
export function nextCursorOf(page: { items: { id: string }[]; hasMore: boolean }): string | null {
  const last = page.items[page.items.length - 1];
  return page.hasMore && last ? last.id : null;
}

/** A cursor that names nothing in the list being paged: stale, forged or from another list. */
export function invalidCursor(what: string): DomainError {
  const message = `after must be the id of ${what} (use nextCursor)`;
  return new DomainError('validation_failed', message, { field: 'after', details: [{ field: 'after', message }] });
}
