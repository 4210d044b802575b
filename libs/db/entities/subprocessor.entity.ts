import { Check, Column, Entity, Index } from 'typeorm';
import { CreatedAt, IdColumn, UpdatedAt } from './columns';

export const SUBPROCESSOR_STATUSES = ['active', 'retired'] as const;
export type SubprocessorStatus = (typeof SUBPROCESSOR_STATUSES)[number];

/**
 * A company Relance hands customers' data to (GDPR Art. 28), as the public list names it. The
 * row holds the newest values staff saved; a change whose effective date is still ahead is
 * undone when the public list is computed (see libs/subprocessors/effective-registry.ts).
 */
@Entity({ name: 'subprocessors' })
@Check('ck_subprocessors_status', `"status" IN ('active', 'retired')`)
@Index('uq_subprocessors_active_name', ['name'], { unique: true, where: `status = 'active'` })
export class Subprocessor {
  @IdColumn('subprocessors') id: string;
  /** The seed file's line it came from (its name there): a second seeding adds nothing, renamed or not. Null when staff added it. */
  @Index('uq_subprocessors_seed_key', { unique: true })
  @Column({ name: 'seed_key', type: 'text', nullable: true }) seedKey: string | null;
  @Column({ type: 'text' }) name: string;
  @Column({ type: 'text' }) address: string;
  @Column({ name: 'processing_scope', type: 'text' }) processingScope: string;
  @Column({ name: 'personal_data_types', type: 'text' }) personalDataTypes: string;
  @Column({ name: 'processing_location', type: 'text' }) processingLocation: string;
  @Column({ name: 'transfer_mechanism', type: 'text' }) transferMechanism: string;
  @Column({ type: 'text', default: 'active' }) status: SubprocessorStatus;
  @CreatedAt() createdAt: Date;
  @UpdatedAt() updatedAt: Date;
}
