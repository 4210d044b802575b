import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn, UpdatedAt } from './columns';

export type EnrichmentKind = 'verify' | 'enrich';
export type EnrichmentProvider = 'builtin' | 'hunter' | 'briteverify' | 'zerobounce';
export type EnrichmentJobStatus = 'running' | 'completed';

/**
 * One verification or enrichment request over some of an account's prospects, run by the
 * `enrichment:<id>` workflow. The counters move as each prospect is done (its result row and
 * the counters change in one transaction), so the API reads the progress while it runs.
 */
@Entity({ name: 'enrichment_jobs' })
@Check('ck_enrichment_jobs_kind', `"kind" IN ('verify', 'enrich')`)
@Index('ix_enrichment_jobs_account', ['accountId', 'createdAt'])
export class EnrichmentJob {
  @IdColumn('enrichment_jobs') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_enrichment_jobs_account' })
  account?: Account;
  @Column({ type: 'text' }) kind: EnrichmentKind;
  @Column({ type: 'text' }) provider: EnrichmentProvider;
  @Column({ type: 'text', default: 'running' }) status: EnrichmentJobStatus;
  /** In the order given; the workflow walks it by position, so its history holds no list. */
  @Column({ name: 'prospect_ids', type: 'uuid', array: true }) prospectIds: string[];
  @Column({ type: 'integer' }) total: number;
  @Column({ type: 'integer', default: 0 }) processed: number;
  @Column({ type: 'integer', default: 0 }) succeeded: number;
  /** Not sent to the provider: restricted (GDPR art. 18) or gone since the job was asked for. */
  @Column({ type: 'integer', default: 0 }) skipped: number;
  @Column({ type: 'integer', default: 0 }) failed: number;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
