import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn } from './columns';
import { ImportJob } from './import-job.entity';
import { Prospect } from './prospect.entity';

/** 'skipped': the address was already a prospect and was left as it is; recorded so a repeat later in the file is recognised. */
export type ImportOutcome = 'created' | 'updated' | 'skipped';

/**
 * Which prospects an import created or updated, and from which line: what "enrich this import"
 * selects, and how a repeated address later in the same file is recognised.
 */
@Entity({ name: 'import_job_prospects' })
@Index('uq_import_job_prospects', ['importJobId', 'prospectId'], { unique: true })
@Index('ix_import_job_prospects_prospect', ['prospectId'])
export class ImportJobProspect {
  @IdColumn('import_job_prospects') id: string;
  @Column({ name: 'import_job_id', type: 'uuid' }) importJobId: string;
  @ManyToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_job_id', foreignKeyConstraintName: 'fk_import_job_prospects_job' })
  importJob?: ImportJob;
  @Column({ name: 'prospect_id', type: 'uuid' }) prospectId: string;
  @ManyToOne(() => Prospect, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'prospect_id', foreignKeyConstraintName: 'fk_import_job_prospects_prospect' })
  prospect?: Prospect;
  @Column({ type: 'integer' }) line: number;
  @Column({ type: 'text' }) outcome: ImportOutcome;
}
