import { Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { Campaign } from './campaign.entity';
import { Mailbox } from './mailbox.entity';

/** The mailboxes a campaign rotates across: each prospect's thread stays on one of them. */
@Entity({ name: 'campaign_mailboxes' })
// Foreign keys deleted rows are looked up by (ForeignKeyIndexes1764309200000).
@Index('ix_campaign_mailboxes_mailbox', ['mailboxId'])
export class CampaignMailbox {
  @PrimaryColumn({ name: 'campaign_id', type: 'uuid', primaryKeyConstraintName: 'pk_campaign_mailboxes' })
  campaignId: string;
  @PrimaryColumn({ name: 'mailbox_id', type: 'uuid', primaryKeyConstraintName: 'pk_campaign_mailboxes' })
  mailboxId: string;
  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_campaign_mailboxes_campaign' })
  campaign?: Campaign;
  @ManyToOne(() => Mailbox, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'mailbox_id', foreignKeyConstraintName: 'fk_campaign_mailboxes_mailbox' })
  mailbox?: Mailbox;
}
