import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import type { RetentionRun } from '@relance/db/entities/retention-run.entity';
import { APP_LOGGER, type Logger } from '@relance/observability';
import type { RetentionCounts, RetentionJob } from '@relance/temporal/contracts';
import { LogArchives } from './log-archives';
import { RequestLogRepository } from './request-log.repository';
import { RetentionRunRepository } from './retention-run.repository';
import { RetentionRepository } from './retention.repository';

/** Rows moved per transaction: a month of logs goes in many small steps, each archived then deleted. */
const ARCHIVE_BATCH = 5_000;

/**
 * The retention jobs the schedules run. Each removes what is past its age when it runs (so a
 * retry is harmless) and records a retention run, with its counts or its error.
 */
@Injectable()
export class RetentionJobs {
  private readonly archives: LogArchives;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(RequestLogRepository) private readonly requestLogs: RequestLogRepository,
    @Inject(RetentionRepository) private readonly retention: RetentionRepository,
    @Inject(RetentionRunRepository) private readonly runs: RetentionRunRepository,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {
    this.archives = new LogArchives(config.retention.archiveDir);
  }

  /** Runs `job`, recording it; `progress` is called between steps (the activity heartbeats). */
  async run(job: RetentionJob, progress: () => void = () => undefined): Promise<RetentionRun> {
    const startedAt = new Date();
    try {
      const counts = await this.counts(job, startedAt, progress);
      const run = await this.runs.record({ job, startedAt, finishedAt: new Date(), counts, error: null });
      this.logger.info({ job, runId: run.id, counts, ms: run.durationMs }, 'retention run');
      return run;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await this.runs.record({ job, startedAt, finishedAt: new Date(), counts: {}, error: message });
      throw error;
    }
  }

  private async counts(job: RetentionJob, now: Date, progress: () => void): Promise<RetentionCounts> {
    const { retention } = this.config;
    switch (job) {
      case 'request-log-archive':
        return this.archiveRequestLogs(new Date(now.getTime() - retention.requestLogMaxAgeMs), progress);
      case 'log-archive-destroy':
        return { archivesDestroyed: await this.archives.destroyOlderThan(retention.archiveMaxAgeMs, now) };
      case 'support-conversations': {
        const deleted = await this.retention.deleteSupportConversations(new Date(now.getTime() - retention.supportConversationMaxAgeMs));
        return {
          supportConversationsDeleted: deleted.conversations, deletedAccountsRemoved: deleted.accounts,
          unattachedConversationsDeleted: deleted.unattached,
        };
      }
      case 'expired-tokens': {
        const revokedBefore = new Date(now.getTime() - retention.revokedTokenMaxAgeMs);
        return {
          staffTokensDeleted: await this.retention.deleteRevokedStaffTokens(revokedBefore),
          apiKeysDeleted: await this.retention.deleteRevokedApiKeys(revokedBefore),
          idempotencyKeysDeleted: await this.retention.deleteExpiredIdempotencyKeys(now),
          ...(await this.retention.deleteExpiredSignupsAndInvitations(now)),
          ...(await this.removeExpiredExports(now)),
        };
      }
    }
  }

  /**
   * Exports whose download time is over: account archives (the file first, then the row says
   * `expired`, so a failure in between is retried) and privacy-request access exports.
   */
  private async removeExpiredExports(now: Date): Promise<RetentionCounts> {
    const done = await this.retention.accountExportsDone(new Date(now.getTime() - this.config.accounts.exportLinkTtlMs));
    for (const { filePath } of done) {
      if (filePath) await rm(resolve(this.config.accounts.exportDir, filePath), { force: true });
    }
    return {
      accountExportsExpired: await this.retention.markAccountExportsExpired(done.map((row) => row.id)),
      accessExportsDeleted: await this.retention.deleteAccessExports(new Date(now.getTime() - this.config.privacy.exportLinkTtlMs)),
    };
  }

  private async archiveRequestLogs(cutoff: Date, progress: () => void): Promise<RetentionCounts> {
    let archived = 0;
    let archiveFiles = 0;
    for (;;) {
      const moved = await this.requestLogs.moveOldest(cutoff, ARCHIVE_BATCH, async (rows) => {
        archiveFiles += (await this.archives.write(rows)).length;
      });
      archived += moved;
      progress();
      if (moved < ARCHIVE_BATCH) return { requestLogsArchived: archived, archiveFilesWritten: archiveFiles };
    }
  }
}
