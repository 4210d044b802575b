import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { IdColumn } from './columns';

/** Who acted: a staff member, the system itself (a workflow, a schedule), a customer's key or user, a data subject. */
export type AuditActorKind = 'staff' | 'system' | 'api_key' | 'user' | 'data_subject';

/**
 * The append-only trail of actions on personal data: who, what, on which target, when, why.
 * Ids only, never the personal data itself. A trigger refuses every UPDATE, DELETE and TRUNCATE,
 * and no foreign key ties it to accounts: it outlives the accounts it speaks of.
 */
@Entity({ name: 'audit_events' })
@Index('ix_audit_events_target', ['targetType', 'targetId', 'occurredAt'])
@Index('ix_audit_events_account', ['accountId', 'occurredAt'])
export class AuditEvent {
  @IdColumn('audit_events') id: string;
  @CreateDateColumn({ name: 'occurred_at', type: 'timestamptz' }) occurredAt: Date;
  @Column({ name: 'actor_kind', type: 'text' }) actorKind: AuditActorKind;
  /** The staff user, api key or user id; null for the system and for a data subject. */
  @Column({ name: 'actor_id', type: 'uuid', nullable: true }) actorId: string | null;
  /** What was done, as a dotted name (e.g. `privacy_request.verified`, `prospect.erased`). */
  @Column({ type: 'text' }) action: string;
  /** What it was done to: a table-like name (`prospect`, `privacy_request`, `account`…) and its id. */
  @Column({ name: 'target_type', type: 'text' }) targetType: string;
  @Column({ name: 'target_id', type: 'text' }) targetId: string;
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  /** Why, in the actor's words (addresses masked before storage). */
  @Column({ type: 'text', nullable: true }) reason: string | null;
  /** Counts and ids that say what it did (rows per table…); never personal data. */
  @Column({ type: 'jsonb', default: () => "'{}'" }) details: Record<string, unknown>;
}
