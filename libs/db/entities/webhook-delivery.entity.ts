import { Check, Column, Entity, Index, JoinColumn, ManyToOne, Unique } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';
import { Prospect } from './prospect.entity';
import { WebhookEndpoint } from './webhook-endpoint.entity';

export type WebhookDeliveryStatus = 'pending' | 'succeeded' | 'failed' | 'cancelled';

/**
 * One event for one endpoint, posted by the `webhook-delivery:<id>` workflow. The payload lives
 * here, never in the workflow's history; `eventKey` names the event (`inbound:<id>`…) so the same
 * event recorded twice (a retried activity) is delivered once. `prospectId` finds the rows an
 * erasure must remove: the payload may name the person.
 */
@Entity({ name: 'webhook_deliveries' })
@Check('ck_webhook_deliveries_status', `"status" IN ('pending', 'succeeded', 'failed', 'cancelled')`)
@Unique('uq_webhook_deliveries_endpoint_event', ['endpointId', 'eventKey'])
@Index('ix_webhook_deliveries_endpoint', ['endpointId', 'createdAt'])
@Index('ix_webhook_deliveries_account', ['accountId'])
@Index('ix_webhook_deliveries_prospect', ['prospectId'])
export class WebhookDelivery {
  @IdColumn('webhook_deliveries') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_webhook_deliveries_account' })
  account?: Account;
  @Column({ name: 'endpoint_id', type: 'uuid' }) endpointId: string;
  @ManyToOne(() => WebhookEndpoint, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'endpoint_id', foreignKeyConstraintName: 'fk_webhook_deliveries_endpoint' })
  endpoint?: WebhookEndpoint;
  @Column({ name: 'event_type', type: 'text' }) eventType: string;
  @Column({ name: 'event_key', type: 'text' }) eventKey: string;
  @Column({ name: 'prospect_id', type: 'uuid', nullable: true }) prospectId: string | null;
  @ManyToOne(() => Prospect, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'prospect_id', foreignKeyConstraintName: 'fk_webhook_deliveries_prospect' })
  prospect?: Prospect;
  /** The JSON body posted, exactly: {type, timestamp, data}. */
  @Column({ type: 'jsonb' }) payload: Record<string, unknown>;
  @Column({ type: 'text', default: 'pending' }) status: WebhookDeliveryStatus;
  @Column({ name: 'attempt_count', type: 'integer', default: 0 }) attemptCount: number;
  @Column({ name: 'last_attempt_at', type: 'timestamptz', nullable: true }) lastAttemptAt: Date | null;
  @Column({ name: 'finished_at', type: 'timestamptz', nullable: true }) finishedAt: Date | null;
  @CreatedAt() createdAt: Date;
}
