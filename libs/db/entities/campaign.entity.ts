import { Column, Entity, JoinColumn, ManyToOne, OneToMany } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn, UpdatedAt } from './columns';
import { Mailbox } from './mailbox.entity';
import type { Step } from './step.entity';

export type CampaignStatus = 'draft' | 'launching' | 'active' | 'completed';

@Entity({ name: 'campaigns' })
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
  @Column({ name: 'launched_at', type: 'timestamptz', nullable: true }) launchedAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
