import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';

/** `in_flight` while the first request runs; `completed` once its answer is stored for replay. */
export type IdempotencyState = 'in_flight' | 'completed';

/**
 * An `Idempotency-Key` an account sent on a create or launch route: the hash of the request it
 * came with, and once answered, that answer (replayed to a repeat until `expiresAt`). Keys are
 * the account's own: another account may use the same string.
 */
@Entity({ name: 'idempotency_keys' })
@Index('uq_idempotency_keys_account_key', ['accountId', 'key'], { unique: true })
export class IdempotencyKey {
  @IdColumn('idempotency_keys') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_idempotency_keys_account' })
  account?: Account;
  @Column({ type: 'varchar', length: 255 }) key: string;
  /** SHA-256 of the method, the path and the canonical JSON body: a repeat must match it. */
  @Column({ name: 'request_hash', type: 'text' }) requestHash: string;
  @Column({ type: 'text' }) state: IdempotencyState;
  @Column({ name: 'response_status', type: 'integer', nullable: true }) responseStatus: number | null;
  /** json, not jsonb: a replay gives the first answer's keys in the same order. */
  @Column({ name: 'response_body', type: 'json', nullable: true }) responseBody: unknown;
  @CreatedAt() createdAt: Date;
  @Index('ix_idempotency_keys_expires')
  @Column({ name: 'expires_at', type: 'timestamptz' }) expiresAt: Date;
}
