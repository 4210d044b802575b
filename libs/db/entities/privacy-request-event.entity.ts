import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn } from './columns';
import { PrivacyRequest } from './privacy-request.entity';

/** What happened to a privacy request and when: verified, reminder_7d, escalated, extended, executed… */
@Entity({ name: 'privacy_request_events' })
@Index('ix_privacy_request_events_request', ['requestId', 'occurredAt'])
export class PrivacyRequestEvent {
  @IdColumn('privacy_request_events') id: string;
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @ManyToOne(() => PrivacyRequest, { onDelete: 'CASCADE', onUpdate: 'NO ACTION' })
  @JoinColumn({ name: 'request_id', foreignKeyConstraintName: 'fk_privacy_request_events_request' })
  request?: PrivacyRequest;
  @Column({ type: 'text' }) kind: string;
  /** Ids, dates and counts only. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: Record<string, any>;
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
}
