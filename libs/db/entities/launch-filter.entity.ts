import { Column, Entity, JoinColumn, ManyToOne } from 'typeorm';
import { Campaign } from './campaign.entity';
import { CreatedAt, IdColumn } from './columns';

/**
 * Who a launch enrolls when the rep chose them by criteria (see ProspectFilter). Kept here so
 * the launch workflow carries this row's id, never a company name or any other criterion.
 */
@Entity({ name: 'launch_filters' })
export class LaunchFilter {
  @IdColumn('launch_filters') id: string;
  @Column({ name: 'campaign_id', type: 'uuid' }) campaignId: string;
  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_launch_filters_campaign' })
  campaign?: Campaign;
  @Column({ type: 'jsonb' }) criteria: ProspectFilter;
  @CreatedAt() createdAt: Date;
}

/** What prospects have today that a launch may choose them by; every criterion given must hold. */
export interface ProspectFilter {
  /** The same company, capitals aside. */
  company?: string;
  /** The same country, capitals aside. */
  country?: string;
  /** This IANA time zone. */
  timeZone?: string;
  /** Added at or after this instant (ISO 8601). */
  createdAfter?: string;
  /** Added before this instant (ISO 8601). */
  createdBefore?: string;
  /** Carrying this tag (normalised, as tags are stored). */
  tag?: string;
}
