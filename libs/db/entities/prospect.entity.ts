import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn, UpdatedAt } from './columns';
import { User } from './user.entity';

export const PROSPECT_STATUSES = ['active', 'replied', 'bounced', 'unsubscribed', 'blacklisted'] as const;
export type ProspectStatus = (typeof PROSPECT_STATUSES)[number];

/** A person a rep writes to. `email` is stored normalised (`normaliseEmail`: trimmed, NFC, lower-case, ASCII domain). */
@Entity({ name: 'prospects' })
@Index('uq_prospects_account_email', ['accountId', 'email'], { unique: true })
// Foreign keys deleted rows are looked up by (ForeignKeyIndexes1764309200000).
@Index('ix_prospects_owner', ['ownerId'], { where: '"owner_id" IS NOT NULL' })
// The list's indexes (ProspectTagsAndSearch1764316000000): GIN and an expression, which TypeORM cannot spell.
@Index('ix_prospects_tags', { synchronize: false })
@Index('ix_prospects_search', { synchronize: false })
@Index('ix_prospects_account_created', ['accountId', 'createdAt', 'id'])
export class Prospect {
  @IdColumn('prospects') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_prospects_account' })
  account?: Account;
  @Column({ name: 'owner_id', type: 'uuid', nullable: true }) ownerId: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'owner_id', foreignKeyConstraintName: 'fk_prospects_owner' })
  owner?: User;
  @Column({ type: 'text' }) email: string;
  @Column({ name: 'first_name', type: 'text', nullable: true }) firstName: string | null;
  @Column({ name: 'last_name', type: 'text', nullable: true }) lastName: string | null;
  @Column({ type: 'text', nullable: true }) position: string | null;
  @Column({ type: 'text', nullable: true }) company: string | null;
  @Column({ type: 'text', nullable: true }) country: string | null;
  @Column({ name: 'time_zone', type: 'text', nullable: true }) timeZone: string | null;
  @Column({ name: 'custom_fields', type: 'jsonb', default: () => "'{}'" }) customFields: Record<string, string>;
  @Column({ type: 'text', default: 'active' }) status: ProspectStatus;
  /** Processing restricted (GDPR art. 18): no sends, no enrichment. */
  @Column({ type: 'boolean', default: false }) restricted: boolean;
  /** The rep's labels, normalised (see prospect-tags.ts in the API): trimmed, single-spaced, lower-case. */
  @Column({ type: 'text', array: true, default: () => "'{}'" }) tags: string[];
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
