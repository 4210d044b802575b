import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { RetentionRun } from '@relance/db/entities/retention-run.entity';
import { keysetPage, type Page, type PageRequest } from '@relance/db/repositories/keyset-page';

export interface RetentionRunRecord {
  job: string;
  startedAt: Date;
  finishedAt: Date;
  counts: Record<string, number>;
  error: string | null;
}

/** What each retention run did, for operators. */
@Injectable()
export class RetentionRunRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async record(run: RetentionRunRecord): Promise<RetentionRun> {
    const [row] = await this.dataSource.query(
      `INSERT INTO retention_runs (job, started_at, finished_at, duration_ms, counts, error)
       VALUES ($1, $2, $3, $4, $5, $6) RETURNING *`,
      [run.job, run.startedAt, run.finishedAt, run.finishedAt.getTime() - run.startedAt.getTime(),
        JSON.stringify(run.counts), run.error],
    );
    return toRun(row);
  }

  /** Newest first; one job's runs when `job` is given. Null for a cursor naming no run. */
  list(filter: { job?: string }, page: PageRequest): Promise<Page<RetentionRun> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT * FROM retention_runs`,
      params: [],
      filter: { sql: `($1::text IS NULL OR job = $1)`, params: [filter.job ?? null] },
      key: ['started_at', 'id'],
      descending: true,
      map: toRun,
    }, page);
  }
}

function toRun(row: Record<string, any>): RetentionRun {
  return {
    id: row.id,
    job: row.job,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    durationMs: row.duration_ms,
    counts: row.counts,
    error: row.error,
  };
}
