import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';
import { Message } from './message.entity';

export type SuppressionKind = 'email' | 'domain';
/** 'erasure': the person was erased (forgotten); their address may not be added as a prospect again. */
export type SuppressionReason = 'unsubscribed' | 'manual' | 'hard_bounce' | 'complaint' | 'erasure';

/**
 * Who an account must never write to: an address, kept only as a keyed hash (so a person
 * erased from everything else stays suppressed), or a whole domain. Checked by the send
 * claim in the transaction that would send.
 */
@Entity({ name: 'suppressions' })
@Index('uq_suppressions_account_email_hash', ['accountId', 'emailHash'], { unique: true })
@Index('uq_suppressions_account_domain', ['accountId', 'domain'], { unique: true })
@Check(
  'ck_suppressions_kind',
  `("kind" = 'email' AND "email_hash" IS NOT NULL AND "domain" IS NULL) OR ("kind" = 'domain' AND "domain" IS NOT NULL AND "email_hash" IS NULL)`,
)
@Index('ix_suppressions_source_message', ['sourceMessageId'])
export class Suppression {
  @IdColumn('suppressions') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_suppressions_account' })
  account?: Account;
  @Column({ type: 'text' }) kind: SuppressionKind;
  /** HMAC-SHA256 (hex) of the normalised address under SUPPRESSION_HASH_KEY; kind 'email' only. */
  @Column({ name: 'email_hash', type: 'text', nullable: true }) emailHash: string | null;
  /** Lower-case ASCII (punycode) domain; kind 'domain' only. */
  @Column({ type: 'text', nullable: true }) domain: string | null;
  @Column({ type: 'text' }) reason: SuppressionReason;
  /** The email whose unsubscribe link was used; cleared if that message is erased. */
  @Column({ name: 'source_message_id', type: 'uuid', nullable: true }) sourceMessageId: string | null;
  @ManyToOne(() => Message, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'source_message_id', foreignKeyConstraintName: 'fk_suppressions_source_message' })
  sourceMessage?: Message;
  @CreatedAt() createdAt: Date;
}
