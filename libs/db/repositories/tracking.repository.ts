import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** Who opened or clicked, as far as Relance keeps it: never the full IP address. */
export type ClickTarget = { kind: 'recorded'; url: string } | { kind: 'message_gone' } | { kind: 'no_such_link' };

export interface TrackingVisitor {
  /** Already anonymised (IPv4 /24, IPv6 /48). */
  ipAnonymised: string | null;
  country: string | null;
  userAgent: string | null;
}

/** Opens and clicks, recorded against the outbox message whose pixel or link was fetched. */
@Injectable()
export class TrackingRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Records an open of message `messageId`; false when the message no longer exists. */
  async recordOpen(messageId: string, visitor: TrackingVisitor): Promise<boolean> {
    const rows = await this.dataSource.query(
      `INSERT INTO tracking_events (account_id, message_id, kind, ip_anonymised, country, user_agent)
       SELECT m.account_id, m.id, 'open', $2, $3, $4 FROM messages m WHERE m.id = $1
       RETURNING id`,
      [messageId, visitor.ipAnonymised, visitor.country, visitor.userAgent],
    );
    return rows.length > 0;
  }

  /**
   * Records a click on link `index` of message `messageId` and returns that link, read from the
   * message's own tracked links: the only places a click may lead to. `message_gone`: the message
   * was deleted; `no_such_link`: it has no link at that index. Nothing is recorded then.
   */
  async recordClick(
    messageId: string,
    index: number,
    visitor: TrackingVisitor,
  ): Promise<ClickTarget> {
    // PostgreSQL arrays count from 1; a subscript out of range reads NULL.
    const [row] = await this.dataSource.query(
      `WITH message AS (SELECT m.id, m.account_id, m.tracked_links[$2::int + 1] AS url FROM messages m WHERE m.id = $1),
            recorded AS (
              INSERT INTO tracking_events (account_id, message_id, kind, url, ip_anonymised, country, user_agent)
              SELECT account_id, id, 'click', url, $3, $4, $5 FROM message WHERE url IS NOT NULL
              RETURNING url)
       SELECT (SELECT url FROM recorded) AS url, EXISTS (SELECT 1 FROM message) AS message_exists`,
      [messageId, index, visitor.ipAnonymised, visitor.country, visitor.userAgent],
    );
    if (row.url) return { kind: 'recorded', url: row.url };
    return row.message_exists ? { kind: 'no_such_link' } : { kind: 'message_gone' };
  }

  /** Link `index` of message `messageId`, as recordClick finds it, recording nothing (HEAD requests). */
  async linkOf(messageId: string, index: number): Promise<ClickTarget> {
    const [row] = await this.dataSource.query(
      `SELECT m.tracked_links[$2::int + 1] AS url FROM messages m WHERE m.id = $1`,
      [messageId, index],
    );
    if (!row) return { kind: 'message_gone' };
    return row.url ? { kind: 'recorded', url: row.url } : { kind: 'no_such_link' };
  }
}
