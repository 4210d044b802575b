import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import type { Campaign } from './campaign.entity';
import { CreatedAt, IdColumn } from './columns';

export type StepKind = 'email' | 'wait';
export interface StepVariant {
  key: string;
  subject: string | null;
  body: string;
  weight: number;
}

export type WaitUnit = 'seconds' | 'minutes' | 'hours' | 'days';

/** One step of a campaign's sequence, run in `position` order. */
@Entity({ name: 'steps' })
@Index('uq_steps_campaign_position', ['campaignId', 'position'], { unique: true })
export class Step {
  @IdColumn('steps') id: string;
  @Column({ name: 'campaign_id', type: 'uuid' }) campaignId: string;
  @ManyToOne('Campaign', (campaign: Campaign) => campaign.steps, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_steps_campaign' })
  campaign?: Campaign;
  @Column({ type: 'integer' }) position: number;
  @Column({ type: 'text' }) kind: StepKind;
  @Column({ type: 'text', nullable: true }) subject: string | null;
  @Column({ type: 'text', nullable: true }) body: string | null;
  /** Email steps after the first reply in the first email's thread unless this is set. */
  @Column({ name: 'new_thread', type: 'boolean', default: false }) newThread: boolean;
  @Column({ name: 'wait_amount', type: 'integer', nullable: true }) waitAmount: number | null;
  @Column({ name: 'wait_unit', type: 'text', nullable: true }) waitUnit: WaitUnit | null;
  /** Email steps: A/B variants, each with its weight (null: one variant from subject and body). */
  @Column({ type: 'jsonb', nullable: true }) variants: StepVariant[] | null;
  /** Wait steps: count days on the sending window's days only (Friday + 1 = Monday). */
  @Column({ name: 'sending_days_only', type: 'boolean', default: false }) sendingDaysOnly: boolean;
  @CreatedAt() createdAt: Date;
}
