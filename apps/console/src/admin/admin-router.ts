import { Router } from 'express';
import formidable from 'express-formidable';
import type AdminJS from 'adminjs';
import type { ConsoleConfig } from '@relance/config';
import type { ConsoleSessionRepository } from '@relance/db/repositories/console-session.repository';
import type { StaffRepository } from '@relance/db/repositories/staff.repository';
import type { AuditTrail } from '@relance/privacy/audit-trail';
import type { PrivacyRequestRepository } from '@relance/privacy/requests';
import type { StaffLogin } from '@relance/staff/staff-login';
import { CERTIFICATE_PATH, certificateDownload } from '../privacy/certificate-download';
import type { AdminJSModules } from './adminjs-modules';
import type { ConsoleRequest, ConsoleResponse, Middleware, Next } from './http-types';
import { consoleSession } from './console-session';
import { memberLoader } from './member-loader';
import { noExternalFonts } from './no-external-fonts';
import { originCheck } from './origin-check';
import { recordIdCheck } from './record-id-check';
import { roleGuard } from './role-guard';

export interface RouterDeps {
  login: StaffLogin;
  staff: StaffRepository;
  sessions: ConsoleSessionRepository;
  requests: PrivacyRequestRepository;
  audit: AuditTrail;
}

/**
 * The console's routes, in the order they must run: AdminJS's static assets, the session (and
 * its member), the CSRF origin check, form parsing, sign-in and sign-out by staff password,
 * then (signed in, for a role allowed the resource or page) AdminJS itself. @adminjs/express's own
 * buildAuthenticatedRouter is not used: it neither renews the session at sign-in nor lets a
 * lockout be told apart from a wrong password.
 */
export function adminRouter(modules: AdminJSModules, admin: AdminJS, config: ConsoleConfig, { login, staff, sessions, requests, audit }: RouterDeps) {
  const router = Router();
  const { rootPath, loginPath, logoutPath } = admin.options as { rootPath: string; loginPath: string; logoutPath: string };
  const local = (path: string) => path.slice(rootPath.length) || '/';
  const use = (middleware: unknown) => router.use(middleware as Middleware as never);

  use(noExternalFonts());
  // AdminJS's scripts first: public, and served without reading (or touching) a session.
  const { routes, assets } = modules.adminjs.Router;
  modules.express.buildAssets({ admin, assets, routes, router } as never);
  use(consoleSession(config, sessions));
  use(memberLoader(staff));
  use(originCheck(config.publicUrl));
  use(formidable());

  router.get(local(loginPath), (async (_request: ConsoleRequest, response: ConsoleResponse) => {
    response.type('text/html').send(await admin.renderLogin({ action: loginPath, errorMessage: null }));
  }) as never);

  router.post(local(loginPath), (async (request: ConsoleRequest, response: ConsoleResponse, next: Next) => {
    try {
      const { email, password } = request.fields ?? {};
      if (typeof email !== 'string' || typeof password !== 'string' || email.trim() === '' || password === '') {
        return void response.status(400).type('text/html').send(await admin.renderLogin({ action: loginPath, errorMessage: 'Enter your email address and your password.' }));
      }
      const result = await login.login(email, password);
      if (!result.ok) {
        const message = result.reason === 'locked'
          ? `This account is locked after too many wrong passwords, until ${result.until.toISOString()} or until an admin unlocks it.`
          : 'Wrong email address or password.';
        return void response.status(result.reason === 'locked' ? 423 : 401).type('text/html')
          .send(await admin.renderLogin({ action: loginPath, errorMessage: message }));
      }
      // A new session id at sign-in: an id planted before it (session fixation) opens nothing.
      request.session.regenerate((error) => {
        if (error) return next(error);
        request.session.staffUserId = result.user.id;
        request.session.save((saveError) => (saveError ? next(saveError) : response.redirect(rootPath)));
      });
    } catch (error) {
      next(error);
    }
  }) as never);

  router.get(local(logoutPath), ((request: ConsoleRequest, response: ConsoleResponse) => {
    request.session.destroy(() => response.redirect(loginPath));
  }) as never);

  use(roleGuard(loginPath));
  use(recordIdCheck());
  router.get(CERTIFICATE_PATH, certificateDownload(requests, audit) as never);
  modules.express.buildRoutes({ admin, routes, router } as never);
  return router;
}
