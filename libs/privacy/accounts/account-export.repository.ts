import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { AccountExport } from '@relance/db/entities/account-export.entity';
import type { ExportedEntity } from './export-entities';

export type ExportRow = Record<string, unknown>;

/** The account_exports rows, and the account's rows an export reads, a page at a time. */
@Injectable()
export class AccountExportRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async create(accountId: string, apiKeyId: string | null): Promise<AccountExport> {
    const [row] = await this.dataSource.query(
      `INSERT INTO account_exports (account_id, requested_by_api_key_id) VALUES ($1, $2) RETURNING *`, [accountId, apiKeyId],
    );
    return toExport(row);
  }

  /** The export, when it is the account's (any account's when `accountId` is null: the worker and signed links). */
  async find(id: string, accountId: string | null): Promise<AccountExport | null> {
    const [row] = await this.dataSource.query(
      `SELECT * FROM account_exports WHERE id = $1 AND ($2::uuid IS NULL OR account_id = $2)`, [id, accountId],
    );
    return row ? toExport(row) : null;
  }

  async markReady(id: string, file: { path: string; sizeBytes: number; rowCounts: Record<string, number> }): Promise<void> {
    await this.dataSource.query(
      `UPDATE account_exports SET status = 'ready', file_path = $2, size_bytes = $3, row_counts = $4, error = NULL, completed_at = now()
       WHERE id = $1`,
      [id, file.path, file.sizeBytes, JSON.stringify(file.rowCounts)],
    );
  }

  async markFailed(id: string, reason: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE account_exports SET status = 'failed', error = $2, completed_at = now() WHERE id = $1`, [id, reason],
    );
  }

  /** The table's columns in their order (what the CSV header names). */
  async columnsOf(table: string): Promise<string[]> {
    const rows: { column_name: string }[] = await this.dataSource.query(
      `SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = $1
       ORDER BY ordinal_position`,
      [table],
    );
    return rows.map((row) => row.column_name);
  }

  /** The next `limit` rows of the entity for the account after `afterId`, in id order (keyset: constant memory). */
  page(entity: ExportedEntity, columns: readonly string[], accountId: string, afterId: string | null, limit: number): Promise<ExportRow[]> {
    const list = columns.map((column) => `t."${column}"`).join(', ');
    return this.dataSource.query(
      `SELECT ${list} FROM "${entity.table}" t WHERE ${entity.scope} AND ($2::uuid IS NULL OR t.id > $2) ORDER BY t.id LIMIT $3`,
      [accountId, afterId, limit],
    );
  }
}

function toExport(row: Record<string, any>): AccountExport {
  return {
    id: row.id,
    accountId: row.account_id,
    requestedByApiKeyId: row.requested_by_api_key_id,
    status: row.status,
    filePath: row.file_path,
    sizeBytes: row.size_bytes,
    rowCounts: row.row_counts,
    error: row.error,
    createdAt: row.created_at,
    completedAt: row.completed_at,
  };
}
