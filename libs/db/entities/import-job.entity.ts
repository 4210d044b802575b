import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';
import { User } from './user.entity';

/**
 * `awaiting_mapping`: uploaded and read, the suggested mapping waits for the user's confirmation;
 * `running`: workflow `import:<id>` is importing; `completed` / `failed`: it ended.
 */
export type ImportJobStatus = 'awaiting_mapping' | 'running' | 'completed' | 'failed';
/** What a row whose address is already a prospect of the account does. */
export type ImportOnExisting = 'skip' | 'update';

/**
 * One CSV import: the stored upload (under IMPORT_DIR, kept until the account closes), how to
 * read it, the confirmed column mapping, and the progress the workflow commits with each batch
 * (`checkpoint_records`: records of the file done, so a retried run resumes exactly there).
 */
@Entity({ name: 'import_jobs' })
@Index('ix_import_jobs_account', ['accountId', 'createdAt', 'id'])
@Index('ix_import_jobs_created_by', ['createdByUserId'], { where: '"created_by_user_id" IS NOT NULL' })
export class ImportJob {
  @IdColumn('import_jobs') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_import_jobs_account' })
  account?: Account;
  @Column({ name: 'created_by_user_id', type: 'uuid', nullable: true }) createdByUserId: string | null;
  @ManyToOne(() => User, { onDelete: 'SET NULL' })
  @JoinColumn({ name: 'created_by_user_id', foreignKeyConstraintName: 'fk_import_jobs_created_by' })
  createdBy?: User;
  @Column({ type: 'text', default: 'awaiting_mapping' }) status: ImportJobStatus;
  /** The name the file was uploaded under. */
  @Column({ name: 'file_name', type: 'text' }) fileName: string;
  /** Where the upload is, relative to IMPORT_DIR. */
  @Column({ name: 'file_path', type: 'text' }) filePath: string;
  @Column({ name: 'size_bytes', type: 'bigint' }) sizeBytes: string;
  @Column({ type: 'text' }) encoding: string;
  @Column({ type: 'text' }) delimiter: string;
  /** The header row as the file spells it. */
  @Column({ type: 'jsonb' }) headers: string[];
  /** One target per column (see libs/imports/column-mapping): suggested at upload, confirmed at start. */
  @Column({ type: 'jsonb' }) mapping: unknown[];
  @Column({ name: 'on_existing', type: 'text', default: 'skip' }) onExisting: ImportOnExisting;
  @Column({ name: 'total_rows', type: 'integer' }) totalRows: number;
  @Column({ name: 'rows_read', type: 'integer', default: 0 }) rowsRead: number;
  @Column({ type: 'integer', default: 0 }) imported: number;
  @Column({ type: 'integer', default: 0 }) updated: number;
  @Column({ type: 'integer', default: 0 }) skipped: number;
  @Column({ type: 'integer', default: 0 }) refused: number;
  @Column({ name: 'checkpoint_records', type: 'integer', default: 0 }) checkpointRecords: number;
  /** Why the import failed, for the user (written by Relance, naming no row). */
  @Column({ type: 'text', nullable: true }) error: string | null;
  @CreatedAt() createdAt: Date;
  @Column({ name: 'started_at', type: 'timestamptz', nullable: true }) startedAt: Date | null;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
}
