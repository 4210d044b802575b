import type { ConsoleRequest as Request, ConsoleResponse as Response, Next as NextFunction } from './http-types';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * CSRF defence beside the sameSite cookie: a request that changes something must come from
 * a page of the console itself. Browsers send Origin on every POST (Referer as a fallback);
 * a request that carries neither, or another site's, is refused before any handler runs.
 */
export function originCheck(publicUrl: string) {
  const expected = new URL(publicUrl).origin;
  return (request: Request, response: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(request.method)) return next();
    const origin = request.headers.origin ?? originOf(request.headers.referer);
    if (origin === expected) return next();
    response.status(403).type('text/plain').send(
      origin ? `Refused: this form was sent from ${origin}, not from the console (${expected})` : 'Refused: a change must come from a console page (no Origin or Referer header)',
    );
  };
}

function originOf(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return undefined;
  }
}
