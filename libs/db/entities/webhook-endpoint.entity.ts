import { Check, Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn, UpdatedAt } from './columns';

/** endpoint: made through /v1/webhook-endpoints (its secret shown once); rest_hook: a Zapier-style subscription of one event. */
export type WebhookEndpointKind = 'endpoint' | 'rest_hook';

/**
 * Where an account wants to hear of events. The signing secret is sealed with the vault's
 * envelope encryption (a data key per endpoint, wrapped by VAULT_MASTER_KEYS; the endpoint's id
 * bound as context), never stored in clear. `consecutiveFailures` counts failed deliveries in a
 * row: at WEBHOOK_DISABLE_AFTER the endpoint is disabled, with why, until a PATCH enables it.
 */
@Entity({ name: 'webhook_endpoints' })
@Check('ck_webhook_endpoints_kind', `"kind" IN ('endpoint', 'rest_hook')`)
@Index('ix_webhook_endpoints_account', ['accountId', 'createdAt'])
export class WebhookEndpoint {
  @IdColumn('webhook_endpoints') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_webhook_endpoints_account' })
  account?: Account;
  @Column({ type: 'text', default: 'endpoint' }) kind: WebhookEndpointKind;
  @Column({ type: 'text' }) url: string;
  @Column({ type: 'text', nullable: true }) description: string | null;
  @Column({ type: 'text', array: true }) events: string[];
  @Column({ type: 'boolean', default: true }) enabled: boolean;
  @Column({ name: 'secret_key_id', type: 'text' }) secretKeyId: string;
  @Column({ name: 'secret_wrapped_key', type: 'bytea' }) secretWrappedKey: Buffer;
  @Column({ name: 'secret_ciphertext', type: 'bytea' }) secretCiphertext: Buffer;
  @Column({ name: 'consecutive_failures', type: 'integer', default: 0 }) consecutiveFailures: number;
  @Column({ name: 'disabled_reason', type: 'text', nullable: true }) disabledReason: string | null;
  @Column({ name: 'disabled_at', type: 'timestamptz', nullable: true }) disabledAt: Date | null;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
