import { Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Account } from './account.entity';
import { IdColumn } from './columns';
import type { EnrichmentKind, EnrichmentProvider } from './enrichment-job.entity';
import { EnrichmentJob } from './enrichment-job.entity';
import { Prospect } from './prospect.entity';

/** done: the provider answered; skipped: never sent (restricted, gone); failed: the provider refused or kept failing. */
export type EnrichmentOutcome = 'done' | 'skipped' | 'failed';

/**
 * What one provider said of one prospect in one job, and when: the verdict of a verification
 * (valid, invalid, accept_all, disposable, unknown…), the fields an enrichment filled.
 */
@Entity({ name: 'enrichment_results' })
@Unique('uq_enrichment_results_job_position', ['jobId', 'position'])
@Index('ix_enrichment_results_prospect', ['prospectId', 'checkedAt'])
@Index('ix_enrichment_results_account', ['accountId'])
export class EnrichmentResult {
  @IdColumn('enrichment_results') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_enrichment_results_account' })
  account?: Account;
  @Column({ name: 'job_id', type: 'uuid' }) jobId: string;
  @ManyToOne(() => EnrichmentJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'job_id', foreignKeyConstraintName: 'fk_enrichment_results_job' })
  job?: EnrichmentJob;
  /** Where the prospect is in the job's list: one result per position, however often a step is retried. */
  @Column({ type: 'integer' }) position: number;
  /** Null when the prospect was gone before it was reached (the result then says `skipped`, `prospect_gone`). */
  @Column({ name: 'prospect_id', type: 'uuid', nullable: true }) prospectId: string | null;
  @ManyToOne(() => Prospect, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'prospect_id', foreignKeyConstraintName: 'fk_enrichment_results_prospect' })
  prospect?: Prospect;
  @Column({ type: 'text' }) kind: EnrichmentKind;
  @Column({ type: 'text' }) provider: EnrichmentProvider;
  @Column({ type: 'text' }) outcome: EnrichmentOutcome;
  @Column({ type: 'text', nullable: true }) verdict: string | null;
  @Column({ type: 'integer', nullable: true }) score: number | null;
  /** The provider's answer, reduced to what Relance uses (may name the person's position, company, country). */
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: Record<string, unknown>;
  @Column({ name: 'filled_fields', type: 'text', array: true, default: () => "'{}'" }) filledFields: string[];
  @Column({ name: 'error_code', type: 'text', nullable: true }) errorCode: string | null;
  @Column({ name: 'checked_at', type: 'timestamptz', default: () => 'now()' }) checkedAt: Date;
}
