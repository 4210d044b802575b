import type { IncomingMessage, ServerResponse } from 'node:http';

const ALLOWED_HEADERS = 'authorization, content-type, x-namespace';

/**
 * CORS for /codec, and only there: the Temporal Web UI, served from its own origin, calls the
 * codec endpoint from the operator's browser. Only the configured origins get an answer a
 * browser accepts; a preflight from another origin is refused with 403. Credentials are
 * allowed, so a UI that sends cookies ("include cross-origin credentials") can; the bearer token
 * is checked on the POST itself, never on the preflight (browsers send none there).
 */
export function codecCors(allowedOrigins: readonly string[]) {
  const allowed = new Set(allowedOrigins);
  return (request: IncomingMessage, response: ServerResponse, next: () => void) => {
    const origin = request.headers.origin;
    response.setHeader('vary', 'Origin');
    const permitted = origin !== undefined && allowed.has(origin);
    if (permitted) {
      response.setHeader('access-control-allow-origin', origin);
      response.setHeader('access-control-allow-credentials', 'true');
    }
    if (request.method !== 'OPTIONS') return next();
    if (!permitted) {
      response.statusCode = 403;
      response.setHeader('content-type', 'application/json; charset=utf-8');
      response.end(JSON.stringify({
        error: { code: 'forbidden', message: `Origin ${origin ?? '(none)'} may not call the codec endpoint (CODEC_CORS_ORIGINS)` },
      }));
      return;
    }
    response.statusCode = 204;
    response.setHeader('access-control-allow-methods', 'POST, OPTIONS');
    response.setHeader('access-control-allow-headers', ALLOWED_HEADERS);
    response.setHeader('access-control-max-age', '600');
    response.end();
  };
}
