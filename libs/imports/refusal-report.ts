import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { neutraliseCell } from '@relance/privacy/accounts/csv-cells';
import type { ImportJobRepository } from './import-job.repository';

const PAGE = 1_000;

/**
 * The refused rows of an import as CSV (line, column, reason, value), read a page at a time
 * (readable while the import runs). Cells a spreadsheet would run as a formula (`=`, `+`, `-`,
 * `@` first) get a leading apostrophe: the file a user uploaded never attacks the user back.
 */
export function refusalReport(jobs: ImportJobRepository, jobId: string): Readable {
  async function* rows() {
    yield ['line', 'column', 'reason', 'value'];
    let after: { line: number; id: string } | null = null;
    for (;;) {
      const page = await jobs.refusalsAfter(jobId, after, PAGE);
      for (const r of page) yield [String(r.line), neutraliseCell(r.columnName), neutraliseCell(r.reason), neutraliseCell(r.value ?? '')];
      if (page.length < PAGE) return;
      after = { line: page[page.length - 1].line, id: page[page.length - 1].id };
    }
  }
  return Readable.from(rows()).pipe(stringify());
}
