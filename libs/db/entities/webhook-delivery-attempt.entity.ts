import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn } from './columns';
import { WebhookDelivery } from './webhook-delivery.entity';

/** One POST of a delivery: when, what the receiver answered (status, the start of its body) or why nothing came. */
@Entity({ name: 'webhook_delivery_attempts' })
@Index('ix_webhook_delivery_attempts_delivery', ['deliveryId', 'attemptedAt'])
export class WebhookDeliveryAttempt {
  @IdColumn('webhook_delivery_attempts') id: string;
  @Column({ name: 'delivery_id', type: 'uuid' }) deliveryId: string;
  @ManyToOne(() => WebhookDelivery, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'delivery_id', foreignKeyConstraintName: 'fk_webhook_delivery_attempts_delivery' })
  delivery?: WebhookDelivery;
  @Column({ name: 'attempted_at', type: 'timestamptz', default: () => 'now()' }) attemptedAt: Date;
  /** Null when no answer came (timeout, refused connection, refused address). */
  @Column({ name: 'status_code', type: 'integer', nullable: true }) statusCode: number | null;
  @Column({ name: 'duration_ms', type: 'integer' }) durationMs: number;
  @Column({ type: 'text', nullable: true }) error: string | null;
  /** The first bytes of the receiver's answer, for the customer's debugging. */
  @Column({ name: 'response_snippet', type: 'text', nullable: true }) responseSnippet: string | null;
}
