import type { ConsoleRequest as Request, ConsoleResponse as Response, Next as NextFunction } from './http-types';
import { sessionUser } from './console-user';
import { mayOpenPath } from './role-access';

/**
 * Closes every screen and API call of a resource or page to the roles not allowed it, by URL,
 * before AdminJS runs (its menu only hides them). Without a session: to the login page.
 */
export function roleGuard(loginPath: string) {
  return (request: Request, response: Response, next: NextFunction) => {
    const user = sessionUser(request.session);
    if (!user) {
      if (request.path.startsWith('/api/')) return response.status(401).json({ error: 'Sign in first' });
      return response.redirect(loginPath);
    }
    if (mayOpenPath(user.role, request.path)) return next();
    response.status(403).type('text/html').send(forbiddenPage(user.role));
  };
}

function forbiddenPage(role: string): string {
  return `<!doctype html><html><head><title>Forbidden</title></head><body>
<h1>403 Forbidden</h1><p>This page is not open to the ${role} role.</p><p><a href="/admin">Back to the console</a></p>
</body></html>`;
}
