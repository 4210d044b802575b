import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { suppressionKeysFor } from '@relance/privacy/suppression-keys';
import { planBatch, type CheckedRow } from './batch-plan';
import type { ColumnMapping } from './column-mapping';
import { isBlankRecord, readCsv, type CsvDelimiter } from './csv-records';
import { ImportFiles } from './import-files';
import { ImportJobRepository } from './import-job.repository';
import { checkRow } from './row-check';
import { suppressionVerdicts } from './suppression-verdicts';
import type { CsvEncoding } from './text-encoding';

/** Where a run is: records of the file done (after the header) and the line reached. Ids and counts only. */
export interface ImportCheckpoint {
  records: number;
  line: number;
}

/** The line an unclosed quote is reported on, as a refusal of the whole rest of the file. */
const UNCLOSED_QUOTE = 'a quote opened on this line is never closed: the rest of the file was read as one cell and is not imported';

/**
 * Imports a stored file into prospects, a batch at a time. Each batch commits with the
 * checkpoint after it (ImportJobRepository.commitBatch), so a run that dies at any point
 * resumes from the last commit: the records before it are read past again (parsing is cheap,
 * and it keeps quoted newlines right) and nothing is imported twice or lost.
 */
@Injectable()
export class ImportRunner {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ImportJobRepository) private readonly jobs: ImportJobRepository,
    @Inject(ImportFiles) private readonly files: ImportFiles,
  ) {}

  async run(jobId: string, beat: (checkpoint: ImportCheckpoint) => void): Promise<void> {
    const job = await this.jobs.findById(jobId);
    if (!job || job.status !== 'running') return; // finished by an earlier attempt, or gone with its account
    const mapping = job.mapping as ColumnMapping;
    const emailIndex = mapping.findIndex((target) => target.kind === 'field' && target.field === 'email');
    const emailColumn = job.headers[emailIndex] ?? 'email';
    let committed = job.checkpointRecords;
    let records = 0;
    let header = false;
    let pending: CheckedRow[] = [];
    let rowsInBatch = 0;
    const flush = async (line: number) => {
      const verdicts = await suppressionVerdicts(this.jobs, this.config.suppression.hashKey, job.accountId, pending, suppressionKeysFor);
      const rows = pending;
      const done = await this.jobs.commitBatch(jobId, {
        fromRecord: committed,
        toRecord: records,
        rowsRead: rowsInBatch,
        emails: [...new Set(rows.flatMap((row) => (row.kind === 'good' ? [row.prospect.email] : [])))],
        plan: (facts, onExisting) => planBatch(verdicts(rows), facts, { onExisting, emailColumn }),
      });
      if (!done) throw new Error(`import ${jobId}: its checkpoint moved under this run (another attempt is importing it)`);
      committed = records;
      pending = [];
      rowsInBatch = 0;
      beat({ records, line });
    };
    let line = 0;
    for await (const item of readCsv(this.files.absolutePath(job.filePath), { encoding: job.encoding as CsvEncoding, delimiter: job.delimiter as CsvDelimiter })) {
      line = item.line;
      if (!header && item.kind === 'record') {
        header = !isBlankRecord(item.fields);
        continue;
      }
      if (++records <= committed) continue;
      if (item.kind === 'unclosed_quote') {
        pending.push({ kind: 'bad', line: item.line, email: null, problems: [{ column: '', value: null, reason: UNCLOSED_QUOTE }] });
        rowsInBatch++;
      } else if (!isBlankRecord(item.fields)) {
        const checked = checkRow(item.fields, job.headers, mapping);
        pending.push(checked.ok
          ? { kind: 'good', line: item.line, prospect: checked.prospect, suppressed: null }
          : { kind: 'bad', line: item.line, email: checked.email, problems: checked.problems });
        rowsInBatch++;
      }
      if (records - committed >= this.config.imports.batchRows) await flush(line);
    }
    if (records > committed) await flush(line);
    await this.jobs.finish(jobId, 'completed', null);
  }

  fail(jobId: string, reason: string): Promise<void> {
    return this.jobs.finish(jobId, 'failed', reason);
  }
}
