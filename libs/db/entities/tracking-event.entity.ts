import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';
import { Message } from './message.entity';

export type TrackingEventKind = 'open' | 'click' | 'unsubscribe';

/**
 * One open, click or unsubscribe seen for a message we sent. Every hit is kept (stats count
 * unique messages, not hits). The IP is anonymised before it is stored (IPv4 /24, IPv6 /48);
 * the country comes from the full IP, looked up in memory only.
 */
@Entity({ name: 'tracking_events' })
@Index('ix_tracking_events_message_kind', ['messageId', 'kind'])
@Check('ck_tracking_events_kind', `"kind" IN ('open', 'click', 'unsubscribe')`)
// A closing account's purge deletes by account (AccountLifecycle1764308500000).
@Index('ix_tracking_events_account', ['accountId'])
export class TrackingEvent {
  @IdColumn('tracking_events') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_tracking_events_account' })
  account?: Account;
  @Column({ name: 'message_id', type: 'uuid' }) messageId: string;
  @ManyToOne(() => Message, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'message_id', foreignKeyConstraintName: 'fk_tracking_events_message' })
  message?: Message;
  @Column({ type: 'text' }) kind: TrackingEventKind;
  /** The link followed, for clicks. */
  @Column({ type: 'text', nullable: true }) url: string | null;
  @Column({ name: 'ip_anonymised', type: 'text', nullable: true }) ipAnonymised: string | null;
  @Column({ type: 'text', nullable: true }) country: string | null;
  @Column({ name: 'user_agent', type: 'text', nullable: true }) userAgent: string | null;
  @CreatedAt() createdAt: Date;
}
