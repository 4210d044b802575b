import { Inject, Injectable } from '@nestjs/common';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import type { ImportJob } from '@relance/db/entities/import-job.entity';
import { normaliseEmail } from '@relance/mail/email-address';
import type { ColumnMapping } from './column-mapping';
import { readCsv, type CsvDelimiter } from './csv-records';
import { ImportFiles } from './import-files';
import { ImportJobRepository } from './import-job.repository';
import type { CsvEncoding } from './text-encoding';

/**
 * Erasure inside stored uploads: a file holds many people, so it is rewritten without the
 * erased person's rows rather than deleted. Every other record keeps its line and its position
 * (the erased record becomes an empty one, padded to its lines), so the refused-rows report
 * still points at the right lines and a running import's checkpoint still means the same record.
 */
@Injectable()
export class ImportFileErasure {
  constructor(
    @Inject(ImportJobRepository) private readonly jobs: ImportJobRepository,
    @Inject(ImportFiles) private readonly files: ImportFiles,
  ) {}

  /** Rewrites every stored file of the account without the prospect's rows; returns how many rows went. */
  async eraseProspect(accountId: string, prospectId: string): Promise<number> {
    const email = await this.jobs.prospectEmail(accountId, prospectId);
    if (!email) return 0;
    let removed = 0;
    for (const job of await this.jobs.filesOfAccount(accountId)) removed += await this.rewrite(job, email);
    return removed;
  }

  private async rewrite(job: ImportJob, email: string): Promise<number> {
    const emailIndex = (job.mapping as ColumnMapping).findIndex((target) => target.kind === 'field' && target.field === 'email');
    if (emailIndex < 0) return 0;
    const source = this.files.absolutePath(job.filePath);
    const target = `${source}.rewrite`;
    const out = createWriteStream(target, { mode: 0o600 });
    const write = async (text: string) => {
      if (!out.write(text)) await once(out, 'drain');
    };
    let removed = 0;
    let line = 1;
    let header = true;
    try {
      for await (const item of readCsv(source, { encoding: job.encoding as CsvEncoding, delimiter: job.delimiter as CsvDelimiter })) {
        if (item.kind === 'unclosed_quote') break; // an unreadable tail: nothing in it was imported
        if (item.line > line) await write('\n'.repeat(item.line - line));
        line = item.line;
        const erased = !header && normaliseEmail(item.fields[emailIndex] ?? '') === email;
        header = false;
        const text = erased ? '""\n' : stringify([item.fields], { delimiter: job.delimiter });
        if (erased) removed++;
        await write(text);
        line += (text.match(/\n/g) ?? []).length;
      }
      out.end();
      await once(out, 'finish');
      if (removed === 0) return 0;
      await rename(target, source);
      await this.jobs.markRewritten(job.id);
      return removed;
    } finally {
      out.destroy();
      await rm(target, { force: true });
    }
  }
}
