import { resolve, join } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import { TokenError, TokenSigner } from '@relance/crypto/signed-token';
import type { AccountExport } from '@relance/db/entities/account-export.entity';
import { DomainError } from '@relance/errors';
import { AuditTrail } from '../audit-trail';
import { AccountExportRepository } from './account-export.repository';
import { EXPORTED_ENTITIES } from './export-entities';
import { writeExportArchive } from './export-archive';

/** An export as the customer sees it: a download link (fresh, signed, expiring) once it is ready. */
export interface AccountExportView {
  id: string;
  status: AccountExport['status'];
  createdAt: Date;
  completedAt: Date | null;
  rowCounts: Record<string, number> | null;
  sizeBytes: number | null;
  error: string | null;
  download: { url: string; expiresAt: Date } | null;
}

/**
 * "Export all your data": an archive of every entity of the account, written by workflow
 * `account-export:<id>` (writeArchive is its activity), downloaded through a signed link that
 * expires (ACCOUNT_EXPORT_LINK_TTL). Archives live under ACCOUNT_EXPORT_DIR/<accountId>/, so an
 * account's closure removes them all with its folder.
 */
@Injectable()
export class AccountExportService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AccountExportRepository) private readonly exports: AccountExportRepository,
    @Inject(TokenSigner) private readonly tokens: TokenSigner,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
  ) {}

  async request(accountId: string, apiKeyId: string | null): Promise<AccountExport> {
    const created = await this.exports.create(accountId, apiKeyId);
    await this.audit.record({
      actor: { kind: 'api_key', id: apiKeyId }, action: 'account.export_requested', accountId,
      target: { type: 'account_export', id: created.id },
    });
    return created;
  }

  /** The activity: writes the archive once (a retry after it is ready does nothing). */
  async writeArchive(exportId: string, heartbeat: () => void = () => undefined): Promise<{ rowCounts: Record<string, number> }> {
    const found = await this.exports.find(exportId, null);
    if (!found) throw new Error(`account export ${exportId} does not exist`);
    if (found.status === 'ready') return { rowCounts: found.rowCounts ?? {} };
    const relativePath = join(found.accountId, `${exportId}.zip`);
    const written = await writeExportArchive(this.absolute(relativePath), EXPORTED_ENTITIES, {
      columnsOf: async (entity) => entity.columns ?? (await this.exports.columnsOf(entity.table)),
      page: (entity, list, afterId, limit) => this.exports.page(entity, list, found.accountId, afterId, limit),
    }, heartbeat);
    await this.exports.markReady(exportId, { path: relativePath, ...written });
    await this.audit.record({
      actor: { kind: 'system', id: null }, action: 'account.exported', accountId: found.accountId,
      target: { type: 'account_export', id: exportId }, details: { rowCounts: written.rowCounts, sizeBytes: written.sizeBytes },
    });
    return { rowCounts: written.rowCounts };
  }

  async markFailed(exportId: string, reason: string): Promise<void> {
    await this.exports.markFailed(exportId, reason);
  }

  async view(accountId: string, id: string): Promise<AccountExportView> {
    const found = await this.exports.find(id, accountId);
    if (!found) throw DomainError.notFound('account export', id, 'id');
    let download: AccountExportView['download'] = null;
    let status = found.status;
    if (status === 'ready') {
      // The archive is downloadable for the link's lifetime from when it was written; retention
      // then removes it. A link given later expires with the archive, never after it.
      const expiresAt = new Date((found.completedAt ?? found.createdAt).getTime() + this.config.accounts.exportLinkTtlMs);
      const left = expiresAt.getTime() - Date.now();
      if (left > 0) {
        const token = await this.tokens.sign('account_export', found.id, left);
        const url = new URL(`/v1/account/exports/${found.id}/download`, this.config.api.publicUrl);
        url.searchParams.set('token', token);
        download = { url: url.toString(), expiresAt };
      } else {
        status = 'expired';
      }
    }
    return {
      id: found.id, status, createdAt: found.createdAt, completedAt: found.completedAt, rowCounts: found.rowCounts,
      sizeBytes: found.sizeBytes === null ? null : Number(found.sizeBytes), error: found.error, download,
    };
  }

  /** The archive a signed link opens: its absolute path. An expired link is 410, any other bad link 401. */
  async fileForLink(id: string, token: string | undefined): Promise<{ path: string; fileName: string }> {
    if (!token) throw new DomainError('unauthorized', 'Missing download token: use the link GET /v1/account/exports/{id} gives');
    try {
      const verified = await this.tokens.verify(token, 'account_export');
      if (verified.subject !== id) throw new TokenError('token_invalid', 'the token is for another export');
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      if (error.code === 'token_expired') {
        throw new DomainError('gone', 'This download link has expired: GET /v1/account/exports/{id} gives a new one');
      }
      throw new DomainError('unauthorized', `Invalid download link: ${error.message}`);
    }
    const found = await this.exports.find(id, null);
    if (!found || found.status !== 'ready' || !found.filePath) throw DomainError.notFound('account export', id, 'id');
    return { path: this.absolute(found.filePath), fileName: `relance-export-${found.id}.zip` };
  }

  /** The folder holding the account's archives. */
  accountFolder(accountId: string): string {
    return this.absolute(accountId);
  }

  private absolute(relativePath: string): string {
    return resolve(this.config.accounts.exportDir, relativePath);
  }
}
