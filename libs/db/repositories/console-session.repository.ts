import { DataSource, LessThan, MoreThan } from 'typeorm';
import { ConsoleSession } from '../entities/console-session.entity';

/** The console's session rows (express-session's store goes through here). */
export class ConsoleSessionRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** The live session with this id; an expired one reads as none. */
  find(sid: string, now = new Date()): Promise<ConsoleSession | null> {
    return this.dataSource.getRepository(ConsoleSession).findOneBy({ sid, expiresAt: MoreThan(now) });
  }

  async save(session: Pick<ConsoleSession, 'sid' | 'staffUserId' | 'cookie' | 'expiresAt'>): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO console_sessions (sid, staff_user_id, cookie, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (sid) DO UPDATE SET staff_user_id = EXCLUDED.staff_user_id, cookie = EXCLUDED.cookie, expires_at = EXCLUDED.expires_at`,
      [session.sid, session.staffUserId, JSON.stringify(session.cookie), session.expiresAt],
    );
  }

  async touch(sid: string, expiresAt: Date): Promise<void> {
    await this.dataSource.getRepository(ConsoleSession).update({ sid }, { expiresAt });
  }

  async delete(sid: string): Promise<void> {
    await this.dataSource.getRepository(ConsoleSession).delete({ sid });
  }

  /** Removes expired sessions; returns how many. */
  async purgeExpired(now = new Date()): Promise<number> {
    const result = await this.dataSource.getRepository(ConsoleSession).delete({ expiresAt: LessThan(now) });
    return result.affected ?? 0;
  }
}
