import { Column, Entity, Index, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn, UpdatedAt } from './columns';
import { Mailbox } from './mailbox.entity';
import type { Step } from './step.entity';

/** A sending window as stored: its time zone comes from the prospect or the campaign. */
export interface StoredSendingWindow {
  days: number[];
  hours: { start: string; end: string }[];
}

export type CampaignStatus = 'draft' | 'launching' | 'active' | 'paused' | 'stopped' | 'completed';

@Entity({ name: 'campaigns' })
// A closing account's purge deletes by account (AccountLifecycle1764308500000).
@Index('ix_campaigns_account', ['accountId'])
// Foreign keys deleted rows are looked up by (ForeignKeyIndexes1764309200000).
@Index('ix_campaigns_mailbox', ['mailboxId'])
export class Campaign {
  @IdColumn('campaigns') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_campaigns_account' })
  account?: Account;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text', default: 'draft' }) status: CampaignStatus;
  @Column({ name: 'mailbox_id', type: 'uuid' }) mailboxId: string;
  @ManyToOne(() => Mailbox, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'fk_campaigns_mailbox' })
  mailbox?: Mailbox;
  @OneToMany('Step', (step: Step) => step.campaign) steps?: Step[];
  /** The campaign's time zone: sending windows apply in it when the prospect has none. */
  @Column({ name: 'time_zone', type: 'text', default: 'UTC' }) timeZone: string;
  /** Weekdays and hours mail may leave (null: any time); its zone is the prospect's or the campaign's. */
  @Column({ name: 'sending_window', type: 'jsonb', nullable: true }) sendingWindow: StoredSendingWindow | null;
  /** Emails carry an HTML part with an open pixel and tracked links; off: plain text only. */
  @Column({ name: 'tracking_enabled', type: 'boolean', default: true }) trackingEnabled: boolean;
  /** Host for the pixel and tracked links; null: the account's, else API_PUBLIC_URL. */
  @Column({ name: 'tracking_domain', type: 'text', nullable: true }) trackingDomain: string | null;
  /** Share of sent emails that may hard-bounce before the campaign pauses itself. */
  @Column({ name: 'bounce_rate_limit', type: 'double precision', default: () => '0.08' }) bounceRateLimit: number;
  /** Sends before the bounce rate is judged: a few early bounces say little. */
  @Column({ name: 'bounce_rate_min_sends', type: 'integer', default: 50 }) bounceRateMinSends: number;
  /** Share of sent emails whose recipients may complain (ARF feedback reports) before the campaign pauses itself. */
  @Column({ name: 'complaint_rate_limit', type: 'double precision', default: () => '0.003' }) complaintRateLimit: number;
  /** Sends before the complaint rate is judged. */
  @Column({ name: 'complaint_rate_min_sends', type: 'integer', default: 50 }) complaintRateMinSends: number;
  /** A reply from anyone at a company ends the sequences of their colleagues in this campaign. */
  @Column({ name: 'stop_on_company_reply', type: 'boolean', default: false }) stopOnCompanyReply: boolean;
  /** Why the campaign paused itself (e.g. its bounce rate), for the rep to read. */
  @Column({ name: 'pause_reason', type: 'text', nullable: true }) pauseReason: string | null;
  @Column({ name: 'launched_at', type: 'timestamptz', nullable: true }) launchedAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
