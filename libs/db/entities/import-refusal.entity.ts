import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { IdColumn } from './columns';
import { ImportJob } from './import-job.entity';

/** One problem of one refused (or skipped) row of an import: the downloadable report, line by line. */
@Entity({ name: 'import_refusals' })
@Index('ix_import_refusals_job', ['importJobId', 'line'])
export class ImportRefusal {
  @IdColumn('import_refusals') id: string;
  @Column({ name: 'import_job_id', type: 'uuid' }) importJobId: string;
  @ManyToOne(() => ImportJob, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'import_job_id', foreignKeyConstraintName: 'fk_import_refusals_job' })
  importJob?: ImportJob;
  /** The line of the file the row starts on. */
  @Column({ type: 'integer' }) line: number;
  /** The header of the column at fault, as the file spells it; '' for the whole row. */
  @Column({ name: 'column_name', type: 'text' }) columnName: string;
  @Column({ type: 'text' }) reason: string;
  /** The cell as written (cut at 200 characters), so the user sees what to fix. */
  @Column({ type: 'text', nullable: true }) value: string | null;
  /** The row's address, normalised, when it has one: how erasure finds the refusals about a person. */
  @Column({ type: 'text', nullable: true }) email: string | null;
}
