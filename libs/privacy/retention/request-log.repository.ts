import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** One request as written to request_logs (ids only; `ip` already anonymised). */
export interface RequestLogEntry {
  occurredAt: Date;
  method: string;
  route: string;
  status: number;
  durationMs: number;
  accountId: string | null;
  userId: string | null;
  apiKeyId: string | null;
  staffUserId: string | null;
  ip: string | null;
  country: string | null;
  browser: string | null;
}

export interface StoredRequestLog extends RequestLogEntry {
  id: string;
}

const COLUMNS = ['occurred_at', 'method', 'route', 'status', 'duration_ms', 'account_id', 'user_id', 'api_key_id',
  'staff_user_id', 'ip', 'country', 'browser'] as const;

/** The request log table: written in batches by the API, moved into archives by retention. */
@Injectable()
export class RequestLogRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** One INSERT for the whole batch (unnest of one array per column: a single round trip). */
  async insertMany(entries: readonly RequestLogEntry[]): Promise<void> {
    if (entries.length === 0) return;
    const arrays = [
      entries.map((e) => e.occurredAt), entries.map((e) => e.method), entries.map((e) => e.route),
      entries.map((e) => e.status), entries.map((e) => e.durationMs), entries.map((e) => e.accountId),
      entries.map((e) => e.userId), entries.map((e) => e.apiKeyId), entries.map((e) => e.staffUserId),
      entries.map((e) => e.ip), entries.map((e) => e.country), entries.map((e) => e.browser),
    ];
    await this.dataSource.query(
      `INSERT INTO request_logs (${COLUMNS.join(', ')})
       SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::int[], $5::int[], $6::uuid[], $7::uuid[],
         $8::uuid[], $9::uuid[], $10::text[], $11::text[], $12::text[])`,
      arrays,
    );
  }

  /**
   * Takes up to `limit` of the oldest rows logged before `cutoff`, hands them to `archive`, and
   * deletes them in the same transaction once it resolves: if writing the archive fails, the
   * transaction rolls back and every row stays. Returns how many rows moved.
   */
  async moveOldest(cutoff: Date, limit: number, archive: (rows: StoredRequestLog[]) => Promise<void>): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: Record<string, any>[] = await manager.query(
        `SELECT * FROM request_logs WHERE occurred_at < $1 ORDER BY occurred_at, id LIMIT $2 FOR UPDATE SKIP LOCKED`,
        [cutoff, limit],
      );
      if (rows.length === 0) return 0;
      await archive(rows.map(toStored));
      await manager.query(`DELETE FROM request_logs WHERE id = ANY($1::uuid[])`, [rows.map((row) => row.id)]);
      return rows.length;
    });
  }
}

function toStored(row: Record<string, any>): StoredRequestLog {
  return {
    id: row.id,
    occurredAt: row.occurred_at,
    method: row.method,
    route: row.route,
    status: row.status,
    durationMs: row.duration_ms,
    accountId: row.account_id,
    userId: row.user_id,
    apiKeyId: row.api_key_id,
    staffUserId: row.staff_user_id,
    ip: row.ip,
    country: row.country,
    browser: row.browser,
  };
}
