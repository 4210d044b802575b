import { Column, Entity, Index, JoinColumn, ManyToOne } from 'typeorm';
import { Account } from './account.entity';
import { CreatedAt, IdColumn } from './columns';

/** `expired`: its archive was removed once its download time was over (retention's expired-tokens job). */
export type AccountExportStatus = 'pending' | 'ready' | 'failed' | 'expired';

/**
 * One "export all your data" of an account: its archive (a ZIP of JSON and CSV per entity) is
 * written by workflow `account-export:<id>` under ACCOUNT_EXPORT_DIR and downloaded through a
 * signed, expiring link. The archive is personal data (declared in the registry).
 */
@Entity({ name: 'account_exports' })
@Index('ix_account_exports_account', ['accountId', 'createdAt'])
export class AccountExport {
  @IdColumn('account_exports') id: string;
  @Column({ name: 'account_id', type: 'uuid' }) accountId: string;
  @ManyToOne(() => Account, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'fk_account_exports_account' })
  account?: Account;
  /** The API key that asked (the audit names it too). */
  @Column({ name: 'requested_by_api_key_id', type: 'uuid', nullable: true }) requestedByApiKeyId: string | null;
  @Column({ type: 'text', default: 'pending' }) status: AccountExportStatus;
  /** Where the archive is, relative to ACCOUNT_EXPORT_DIR; null until written. */
  @Column({ name: 'file_path', type: 'text', nullable: true }) filePath: string | null;
  @Column({ name: 'size_bytes', type: 'bigint', nullable: true }) sizeBytes: string | null;
  /** Rows written per entity. */
  @Column({ name: 'row_counts', type: 'jsonb', nullable: true }) rowCounts: Record<string, number> | null;
  /** Why the export failed, for the customer (no personal data: a reason, not a row). */
  @Column({ type: 'text', nullable: true }) error: string | null;
  @CreatedAt() createdAt: Date;
  @Column({ name: 'completed_at', type: 'timestamptz', nullable: true }) completedAt: Date | null;
}
