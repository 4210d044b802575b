import { Column, CreateDateColumn, Entity, Index } from 'typeorm';
import { IdColumn } from './columns';

/**
 * One erasure, as what a restored backup needs to erase again: the subject's keyed hash and
 * the ids of the rows it removed, per table. Nothing readable: no address, no name. Written in
 * the erasure's transaction; no foreign key, since the rows it names are gone.
 */
@Entity({ name: 'erasure_ledger' })
@Index('ix_erasure_ledger_erased_at', ['erasedAt', 'id'])
export class ErasureLedgerEntry {
  @IdColumn('erasure_ledger') id: string;
  /** The privacy request (or forget call) that erased. */
  @Column({ name: 'request_id', type: 'uuid' }) requestId: string;
  @Column({ name: 'account_id', type: 'uuid', nullable: true }) accountId: string | null;
  /** Keyed hash (SUPPRESSION_HASH_KEY) of the subject's address: kept suppressed after a restore too. */
  @Column({ name: 'email_hash', type: 'text', nullable: true }) emailHash: string | null;
  /** Row ids removed, by table (`{ "messages": ["…"], "prospects": ["…"] }`). */
  @Column({ name: 'row_ids', type: 'jsonb' }) rowIds: Record<string, string[]>;
  /** The Temporal workflows of the subject that were terminated and deleted. */
  @Column({ name: 'workflow_ids', type: 'text', array: true, default: () => "'{}'" }) workflowIds: string[];
  @CreateDateColumn({ name: 'erased_at', type: 'timestamptz' }) erasedAt: Date;
}
