import { Check, Column, Entity, Index, JoinColumn, ManyToOne, ValueTransformer } from 'typeorm';
import type { Campaign } from './campaign.entity';
import { CreatedAt, IdColumn } from './columns';

export type StepKind = 'email' | 'wait' | 'condition' | 'task';
/** What a condition step checks, about the emails from its `sinceStep` on. */
export type ConditionKind = 'opened' | 'clicked' | 'replied' | 'not_replied';
/** Where a condition step goes: a later step's position, the step after it, or the end of the sequence. */
export type StepTarget = number | 'next' | 'end';
export interface StepVariant {
  key: string;
  subject: string | null;
  body: string;
  weight: number;
}

export type WaitUnit = 'seconds' | 'minutes' | 'hours' | 'days';

/** A target is stored as written: 'next', 'end' or a position in decimal digits. */
const stepTarget: ValueTransformer = {
  to: (value: StepTarget | null | undefined) => (typeof value === 'number' ? String(value) : value),
  from: (value: string | null) => (value !== null && /^[0-9]+$/.test(value) ? Number(value) : value),
};

/** One step of a campaign's sequence, run in `position` order. */
@Entity({ name: 'steps' })
@Index('uq_steps_campaign_position', ['campaignId', 'position'], { unique: true, where: 'retired_at IS NULL' })
@Check('ck_steps_condition_kind', `"condition_kind" IN ('opened', 'clicked', 'replied', 'not_replied')`)
@Check('ck_steps_condition_targets', `"condition_then" ~ '^(next|[0-9]+)$' AND "condition_else" ~ '^(next|end|[0-9]+)$'`)
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
  /** Condition steps: what is checked, about the emails sent from the email step at this position on. */
  @Column({ name: 'condition_kind', type: 'text', nullable: true }) conditionKind: ConditionKind | null;
  @Column({ name: 'condition_since_position', type: 'integer', nullable: true }) conditionSincePosition: number | null;
  /** Condition steps: where to go when it holds ('next' or a later position), and when not (also 'end'). */
  @Column({ name: 'condition_then', type: 'text', nullable: true, transformer: stepTarget })
  conditionThen: StepTarget | null;
  @Column({ name: 'condition_else', type: 'text', nullable: true, transformer: stepTarget })
  conditionElse: StepTarget | null;
  /** Task steps: what the rep is asked to do (copied onto each task). */
  @Column({ name: 'task_title', type: 'text', nullable: true }) taskTitle: string | null;
  @Column({ name: 'task_instructions', type: 'text', nullable: true }) taskInstructions: string | null;
  /** Set when an edit of the campaign replaced this step before any prospect reached it. */
  @Column({ name: 'retired_at', type: 'timestamptz', nullable: true }) retiredAt: Date | null;
  @CreatedAt() createdAt: Date;
}
