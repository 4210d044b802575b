import session from 'express-session';
import type { ConsoleSessionRepository } from '@relance/db/repositories/console-session.repository';

type Callback<T = void> = (error: unknown, value?: T) => void;

/** What a console session holds between requests: the member's id (and express-session's cookie). */
export interface StoredSession {
  cookie: { expires?: Date | string | null; toJSON?: () => Record<string, unknown> } & Record<string, unknown>;
  staffUserId?: string;
}

/**
 * Sessions in PostgreSQL (console_sessions), so they survive a restart and several console
 * processes share them; only the member's id is kept, the rest is read per request.
 * A session without a member (never signed in) is not stored at all.
 */
export class ConsoleSessionStore extends session.Store {
  constructor(private readonly sessions: ConsoleSessionRepository, private readonly ttlMs: number) {
    super();
  }

  get(sid: string, callback: Callback<StoredSession | null>): void {
    this.sessions.find(sid).then(
      (row) => callback(null, row ? { cookie: row.cookie, staffUserId: row.staffUserId } : null),
      (error) => callback(error),
    );
  }

  set(sid: string, stored: StoredSession, callback: Callback = () => undefined): void {
    const done = (promise: Promise<unknown>) => promise.then(() => callback(null), (error) => callback(error));
    if (!stored.staffUserId) return void done(this.sessions.delete(sid));
    const cookie = stored.cookie.toJSON ? stored.cookie.toJSON() : { ...stored.cookie };
    // A new sign-in is the moment to sweep sessions that ran out (there are few: staff only).
    done(this.sessions.save({ sid, staffUserId: stored.staffUserId, cookie, expiresAt: this.expiry(stored) }).then(() => this.sessions.purgeExpired()));
  }

  touch(sid: string, stored: StoredSession, callback: Callback = () => undefined): void {
    this.sessions.touch(sid, this.expiry(stored)).then(() => callback(null), (error) => callback(error));
  }

  destroy(sid: string, callback: Callback = () => undefined): void {
    this.sessions.delete(sid).then(() => callback(null), (error) => callback(error));
  }

  private expiry(stored: StoredSession): Date {
    const expires = stored.cookie.expires;
    return expires ? new Date(expires) : new Date(Date.now() + this.ttlMs);
  }
}
