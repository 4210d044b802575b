import session from 'express-session';
import type { ConsoleConfig } from '@relance/config';
import type { ConsoleSessionRepository } from '@relance/db/repositories/console-session.repository';
import { ConsoleSessionStore } from './session-store';

/** The session cookie's name: `__Host-` when served over https (secure, host-only, path /). */
export function sessionCookieName(config: ConsoleConfig): string {
  return config.secureCookies ? '__Host-relance_console' : 'relance_console';
}

/**
 * The staff member's session, server-side (console_sessions), for the console's screens and its
 * codec endpoint alike: one cookie, path /, so the Temporal Web UI's calls to /codec carry it.
 */
export function consoleSession(config: ConsoleConfig, sessions: ConsoleSessionRepository) {
  return session({
    name: sessionCookieName(config),
    secret: config.sessionSecret,
    store: new ConsoleSessionStore(sessions, config.sessionTtlMs),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    // Behind an https proxy the socket is plain http: trust its X-Forwarded-Proto for `secure`.
    proxy: config.secureCookies,
    cookie: { httpOnly: true, sameSite: 'lax', secure: config.secureCookies, path: '/', maxAge: config.sessionTtlMs },
  });
}
