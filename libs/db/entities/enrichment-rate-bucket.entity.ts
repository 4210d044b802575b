import { Column, Entity, PrimaryColumn } from 'typeorm';

/**
 * A token bucket shared by every worker: `<provider>:<accountId>` (providers limit per API
 * key). Taken from and refilled in one UPDATE, so concurrent workers never overdraw it.
 */
@Entity({ name: 'enrichment_rate_buckets' })
export class EnrichmentRateBucket {
  @PrimaryColumn({ type: 'text', primaryKeyConstraintName: 'pk_enrichment_rate_buckets' }) bucket: string;
  @Column({ type: 'double precision' }) tokens: number;
  @Column({ name: 'refilled_at', type: 'timestamptz', default: () => 'clock_timestamp()' }) refilledAt: Date;
}
