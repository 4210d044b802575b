import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { Campaign } from './campaign.entity';
import { CreatedAt, IdColumn } from './columns';
import { Enrollment } from './enrollment.entity';
import { InboundMessage } from './inbound-message.entity';
import { Prospect } from './prospect.entity';

export type ProspectSuggestionStatus = 'pending' | 'accepted' | 'dismissed';

/**
 * A colleague a referral offered in place of a prospect who left ("Jane left, please contact
 * Paul"): the rep accepts it (Paul becomes a prospect, enrolled in the same campaign) or dismisses
 * it. Never made for an address the account suppresses or already has as a prospect.
 */
@Entity({ name: 'prospect_suggestions' })
@Index('ix_prospect_suggestions_account_status_created', ['accountId', 'status', 'createdAt', 'id'])
@Index('uq_prospect_suggestions_pending_email', ['accountId', 'email'], { unique: true, where: `status = 'pending'` })
@Check('ck_prospect_suggestions_status', `"status" IN ('pending', 'accepted', 'dismissed')`)
// Deleting many prospects, enrollments or inbound messages (an account's purge) checks these references per row.
@Index('ix_prospect_suggestions_departed_prospect', ['departedProspectId'])
@Index('ix_prospect_suggestions_created_prospect', ['createdProspectId'])
@Index('ix_prospect_suggestions_enrollment', ['enrollmentId'])
@Index('ix_prospect_suggestions_source_inbound', ['sourceInboundMessageId'])
export class ProspectSuggestion {
  @IdColumn('prospect_suggestions') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_prospect_suggestions_account' })
  account?: Account;
  /** The campaign whose email the referral answered; accepting enrolls the colleague there. */
  @Column({ name: 'campaign_id', type: 'uuid' }) campaignId: string;
  @ManyToOne(() => Campaign, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'campaign_id', foreignKeyConstraintName: 'fk_prospect_suggestions_campaign' })
  campaign?: Campaign;
  @Column({ name: 'source_inbound_message_id', type: 'uuid', nullable: true }) sourceInboundMessageId: string | null;
  @ManyToOne(() => InboundMessage, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'source_inbound_message_id', foreignKeyConstraintName: 'fk_prospect_suggestions_source' })
  sourceInboundMessage?: InboundMessage;
  /** Who left; the new prospect's company is copied from them. */
  @Column({ name: 'departed_prospect_id', type: 'uuid', nullable: true }) departedProspectId: string | null;
  @ManyToOne(() => Prospect, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'departed_prospect_id', foreignKeyConstraintName: 'fk_prospect_suggestions_departed' })
  departedProspect?: Prospect;
  /** The colleague's address, normalised as prospects' are (personal data: email). */
  @Column({ type: 'text' }) email: string;
  /** The colleague's name as the referral gave it (personal data: name). */
  @Column({ type: 'text', nullable: true }) name: string | null;
  @Column({ type: 'text', default: 'pending' }) status: ProspectSuggestionStatus;
  @Column({ name: 'created_prospect_id', type: 'uuid', nullable: true }) createdProspectId: string | null;
  @ManyToOne(() => Prospect, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_prospect_id', foreignKeyConstraintName: 'fk_prospect_suggestions_created_prospect' })
  createdProspect?: Prospect;
  /** The enrollment accepting made, when it enrolled the new prospect. */
  @Column({ name: 'enrollment_id', type: 'uuid', nullable: true }) enrollmentId: string | null;
  @ManyToOne(() => Enrollment, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'enrollment_id', foreignKeyConstraintName: 'fk_prospect_suggestions_enrollment' })
  enrollment?: Enrollment;
  /** When it was accepted or dismissed. */
  @Column({ name: 'decided_at', type: 'timestamptz', nullable: true }) decidedAt: Date | null;
  @CreatedAt() createdAt: Date;
}
