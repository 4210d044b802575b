import { Inject, Injectable } from '@nestjs/common';
import type { IncomingMessage } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import type { ImportJob, ImportOnExisting } from '@relance/db/entities/import-job.entity';
import { DomainError } from '@relance/errors';
import { analyseCsv, ImportFiles, ImportJobRepository, mappingProblem, refusalReport, suggestMapping } from '@relance/imports';
import { invalidCursor } from '../common/pagination';
import { WorkflowStarter } from '../workflows/workflow-starter.service';
import { receiveCsv } from './csv-upload';

/** CSV imports as the API offers them: upload and read, confirm the mapping and start, follow, download the report. */
@Injectable()
export class ImportsService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ImportJobRepository) private readonly jobs: ImportJobRepository,
    @Inject(ImportFiles) private readonly files: ImportFiles,
    @Inject(WorkflowStarter) private readonly workflows: WorkflowStarter,
  ) {}

  /**
   * Streams the upload to storage, reads it once (encoding, delimiter, header, row count,
   * limits) and records the job with the suggested mapping; a file that cannot be imported at
   * all is removed and refused with what is wrong.
   */
  async upload(accountId: string, userId: string | null, request: IncomingMessage): Promise<ImportJob> {
    const id = randomUUID();
    const filePath = this.files.relativePath(accountId, id);
    const discard = () => this.files.remove(filePath);
    const file = await receiveCsv(request, this.config.imports.maxFileBytes, (stream) => this.files.write(filePath, stream), discard);
    const analysis = await analyseCsv(this.files.absolutePath(filePath), this.config.imports).catch(async (error) => {
      await discard();
      throw error;
    });
    if (!analysis.ok) {
      await discard();
      throw new DomainError('invalid_csv', analysis.message, { field: 'file', details: [{ field: analysis.code, message: analysis.message }] });
    }
    return this.jobs.create({
      id, accountId, createdByUserId: userId, fileName: file.fileName.slice(0, 255), filePath, sizeBytes: String(file.size),
      encoding: analysis.encoding, delimiter: analysis.delimiter, headers: analysis.headers,
      mapping: suggestMapping(analysis.headers), totalRows: analysis.rowCount,
    });
  }

  async get(accountId: string, id: string): Promise<ImportJob> {
    const job = await this.jobs.findForAccount(accountId, id);
    if (!job) throw DomainError.notFound('import', id);
    return job;
  }

  async list(accountId: string, query: { limit?: number; after?: string }) {
    const page = await this.jobs.listPage(accountId, { limit: query.limit ?? 20, afterId: query.after });
    if (!page) throw invalidCursor('an import of this account');
    return page;
  }

  /** Confirms the mapping (the suggested one when none is sent) and starts the import's workflow. */
  async start(accountId: string, id: string, input: { mapping?: unknown[]; onExisting?: ImportOnExisting }): Promise<ImportJob> {
    const job = await this.get(accountId, id);
    const mapping = input.mapping ?? job.mapping;
    const problem = mappingProblem(mapping, job.headers.length);
    if (problem) throw new DomainError('validation_failed', problem, { field: 'mapping', details: [{ field: 'mapping', message: problem }] });
    const started = await this.jobs.start(accountId, id, mapping, input.onExisting ?? 'skip');
    if (!started) throw new DomainError('conflict', `import ${id} has already been started (it is ${job.status})`);
    try {
      await this.workflows.startImport(id);
    } catch (error) {
      await this.jobs.unstart(id);
      throw error;
    }
    return started;
  }

  /** The refused rows as CSV (see refusalReport), readable while the import runs. */
  async report(accountId: string, id: string): Promise<Readable> {
    return refusalReport(this.jobs, (await this.get(accountId, id)).id);
  }
}
