import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A subscribed owner a notice is still to be mailed to. */
export interface NoticeRecipient {
  userId: string;
  email: string;
}

/** Which owners are told of registry changes, and which notices each has been mailed. */
@Injectable()
export class NoticeSubscriptionRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** The user's role in the account (null when the user is not of this account). */
  async roleOf(accountId: string, userId: string | null): Promise<string | null> {
    if (!userId) return null;
    const [row] = await this.dataSource.query(`SELECT role FROM users WHERE id = $1 AND account_id = $2`, [userId, accountId]);
    return row?.role ?? null;
  }

  /** When the user subscribed, or null. */
  async since(userId: string): Promise<Date | null> {
    const [row] = await this.dataSource.query(`SELECT created_at FROM subprocessor_notice_subscriptions WHERE user_id = $1`, [userId]);
    return row?.created_at ?? null;
  }

  /** Subscribes the user (a second time changes nothing); true when it was not subscribed before. */
  async subscribe(accountId: string, userId: string): Promise<boolean> {
    const rows: unknown[] = await this.dataSource.query(
      `INSERT INTO subprocessor_notice_subscriptions (user_id, account_id) VALUES ($1, $2) ON CONFLICT (user_id) DO NOTHING RETURNING user_id`,
      [userId, accountId],
    );
    return rows.length > 0;
  }

  /** True when the user was subscribed. */
  async unsubscribe(userId: string): Promise<boolean> {
    const [, count] = await this.dataSource.query(`DELETE FROM subprocessor_notice_subscriptions WHERE user_id = $1`, [userId]);
    return count > 0;
  }

  /**
   * Subscribed owners of live accounts not yet mailed about `changeId`. The address is read here,
   * when the mail goes, and never copied: an erased or removed owner simply is no longer listed.
   */
  async pendingRecipients(changeId: string): Promise<NoticeRecipient[]> {
    const rows = await this.dataSource.query(
      `SELECT u.id, u.email FROM subprocessor_notice_subscriptions s
       JOIN users u ON u.id = s.user_id AND u.account_id = s.account_id
       JOIN accounts a ON a.id = s.account_id
       WHERE u.role = 'owner' AND a.deleted_at IS NULL
         AND NOT EXISTS (SELECT 1 FROM subprocessor_notice_sends n WHERE n.change_id = $1 AND n.user_id = u.id)
       ORDER BY u.id`,
      [changeId],
    );
    return rows.map((row: { id: string; email: string }) => ({ userId: row.id, email: row.email }));
  }

  /** Records one notice as mailed, so a retried workflow does not mail it again. */
  async recordSent(changeId: string, userId: string): Promise<void> {
    await this.dataSource.query(
      `INSERT INTO subprocessor_notice_sends (change_id, user_id) VALUES ($1, $2) ON CONFLICT DO NOTHING`, [changeId, userId],
    );
  }
}
