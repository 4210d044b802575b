import type { DataSource } from 'typeorm';

export interface StatusCount {
  status: string;
  count: number;
}

/** What the operators' page reads: aggregates only, no row of anybody's data. */
export class OperationsRepository {
  constructor(private readonly dataSource: DataSource) {}

  async messagesByStatus(sinceMs: number): Promise<StatusCount[]> {
    const rows: { status: string; count: string }[] = await this.dataSource.query(
      `SELECT status, count(*) AS count FROM messages
       WHERE created_at >= now() - $1 * interval '1 millisecond' GROUP BY status ORDER BY status`,
      [sinceMs],
    );
    return rows.map((row) => ({ status: row.status, count: Number(row.count) }));
  }
}
