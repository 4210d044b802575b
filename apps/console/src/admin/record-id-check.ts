import type { ConsoleRequest, ConsoleResponse, Next } from './http-types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The record id a console path names (screens and API alike), if any. */
export function recordIdIn(path: string): string | null {
  const match = /^\/(?:api\/)?resources\/[^/]+\/records\/([^/?#]+)/.exec(path);
  return match ? decodeURIComponent(match[1]) : null;
}

/**
 * Every record of the console's resources has a uuid id: anything else is refused with a 400
 * naming it, before AdminJS hands it to PostgreSQL (which would fail with a 500).
 */
export function recordIdCheck() {
  return (request: ConsoleRequest, response: ConsoleResponse, next: Next) => {
    const id = recordIdIn(request.path);
    if (id === null || UUID.test(id)) return next();
    response.status(400).json({ error: `the record id must be a uuid, not "${id.slice(0, 80)}"` });
  };
}
