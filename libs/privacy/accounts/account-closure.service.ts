import { readdir, rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, AppConfig } from '@relance/config';
import type { ClosureCertificate } from '@relance/db/entities/account-closure.entity';
import { EnrichmentProviderKeyRepository } from '@relance/db/repositories/enrichment-provider-key.repository';
import { MailboxSecretRepository } from '@relance/db/repositories/mailbox-secret.repository';
import { enrollmentWorkflowId, mailboxSyncWorkflowId } from '@relance/temporal/contracts/workflow-ids';
import { AuditTrail } from '../audit-trail';
import { WorkflowPurge } from '../erasure/workflow-purge';
import { LogArchives } from '../retention/log-archives';
import { AccountClosureRepository, type PurgeOutcome } from './account-closure.repository';
import { AccountExportService } from './account-export.service';
import { signClosureCertificate } from './closure-certificate';

/**
 * The worker's side of a closure: when its grace ends, purge every row of the account in the
 * main database, its mailbox secrets and enrichment provider keys in the vault, its export archives and its lines in the
 * request-log archives, record the signed
 * certificate, and end the workflows that were still running for it.
 */
@Injectable()
export class AccountClosureService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AccountClosureRepository) private readonly closures: AccountClosureRepository,
    @Inject(MailboxSecretRepository) private readonly secrets: MailboxSecretRepository,
    @Inject(EnrichmentProviderKeyRepository) private readonly providerKeys: EnrichmentProviderKeyRepository,
    @Inject(AccountExportService) private readonly exports: AccountExportService,
    @Inject(AuditTrail) private readonly audit: AuditTrail,
    @Inject(WorkflowPurge) private readonly workflows: WorkflowPurge,
  ) {}

  purgeAfter(accountId: string): Promise<Date | null> {
    return this.closures.purgeAfter(accountId);
  }

  async purge(accountId: string): Promise<PurgeOutcome> {
    const folder = this.exports.accountFolder(accountId);
    const outcome = await this.closures.purge(accountId, {
      removeVaultSecrets: async (mailboxIds) => {
        let removed = 0;
        for (const mailboxId of mailboxIds) {
          if (await this.secrets.find(mailboxId)) removed++;
          await this.secrets.remove(mailboxId);
        }
        return removed;
      },
      removeProviderKeys: () => this.providerKeys.removeAll(accountId),
      // Export archives and stored CSV uploads: one folder per account each.
      removeFiles: async () => {
        let removed = 0;
        for (const dir of [folder, resolve(this.config.imports.dir, accountId)]) {
          removed += (await readdir(dir).catch(() => [])).length;
          await rm(dir, { recursive: true, force: true });
        }
        return removed;
      },
      eraseArchivedLogs: () => new LogArchives(this.config.retention.archiveDir).eraseRows((row) => row.accountId === accountId),
      certify: (certificate) => signClosureCertificate(this.config.accounts.certificateKeys, certificate),
      audit: (manager, certificate) => this.audit.record({
        actor: { kind: 'system', id: null }, action: 'account.purged', accountId,
        target: { type: 'account', id: accountId }, details: { counts: certificate.counts, filesRemoved: certificate.filesRemoved },
      }, manager),
    });
    if (outcome.kind === 'purged') {
      // Their rows are gone: whatever still ran for the account ends now, its history with it.
      await this.workflows.purge([
        ...outcome.runningEnrollmentIds.map(enrollmentWorkflowId),
        ...outcome.mailboxIds.map(mailboxSyncWorkflowId),
      ]);
    }
    return outcome;
  }
}

/** Rows removed per table, both databases together (what the workflow returns). */
export function flatCounts(certificate: ClosureCertificate): Record<string, number> {
  return { ...certificate.counts.main, ...certificate.counts.vault, ...certificate.counts.archives };
}
