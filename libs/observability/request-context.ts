import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/** What every log line written while serving one request carries (see createLogger's mixin). */
export interface RequestContext {
  readonly requestId: string;
}

export const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * A caller's X-Request-Id (a proxy's, a client's) is kept when it looks like an id: up to 128
 * characters of letters, digits and `._:-`. Anything else (empty, too long, spaces, a header
 * injection attempt) is replaced by a fresh UUID rather than refused: the request itself is fine.
 */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given !== undefined && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}
