import { Column, Entity, Index } from 'typeorm';
import { IdColumn } from './columns';

/** What one retention job did: counts per kind of thing removed, how long it took, or why it failed. */
@Entity({ name: 'retention_runs' })
export class RetentionRun {
  @IdColumn('retention_runs') id: string;
  /** Which job: see RETENTION_JOBS in libs/temporal/contracts. */
  @Column({ type: 'text' }) job: string;
  @Index('ix_retention_runs_started_at')
  @Column({ name: 'started_at', type: 'timestamptz' }) startedAt: Date;
  @Column({ name: 'finished_at', type: 'timestamptz' }) finishedAt: Date;
  @Column({ name: 'duration_ms', type: 'integer' }) durationMs: number;
  /** e.g. `{ archived: 1200, archives: 3 }`; numbers only. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) counts: Record<string, number>;
  /** The failure's message when the run failed (Temporal retries it; each attempt is recorded). */
  @Column({ type: 'text', nullable: true }) error: string | null;
}
