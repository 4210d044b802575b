import { stat } from 'node:fs/promises';
import { foldHeader } from './column-mapping';
import { detectDelimiter, isBlankRecord, readCsv, type CsvDelimiter } from './csv-records';
import { detectEncoding, looksBinary, readHead, type CsvEncoding } from './text-encoding';

export interface CsvLimits {
  maxRows: number;
  maxColumns: number;
}

/** Why a whole file is refused: each names what is wrong, and the limit when one was passed. */
export type FileProblemCode =
  | 'empty_file' | 'not_text' | 'no_rows' | 'duplicate_headers' | 'too_many_columns' | 'too_many_rows' | 'unclosed_quote';

export type CsvAnalysis =
  | { ok: true; encoding: CsvEncoding; delimiter: CsvDelimiter; headers: string[]; rowCount: number }
  | { ok: false; code: FileProblemCode; message: string };

const SAMPLE_BYTES = 64 * 1024;

/**
 * Reads a stored upload once, as a stream: its encoding, its delimiter, its header and how
 * many rows follow, or the reason the file cannot be imported at all. Row problems are not
 * looked at here: the import reports them line by line.
 */
export async function analyseCsv(path: string, limits: CsvLimits): Promise<CsvAnalysis> {
  if ((await stat(path)).size === 0) return refuse('empty_file', 'the file is empty (0 bytes)');
  const encoding = await detectEncoding(path);
  const sample = new TextDecoder(encoding).decode(await readHead(path, SAMPLE_BYTES), { stream: true });
  if (looksBinary(sample)) {
    return refuse('not_text', 'the file is not CSV text (it looks like binary data: a spreadsheet, an archive or an image?); ' +
      'export it as CSV in UTF-8, or as UTF-16 with a byte-order mark');
  }
  const delimiter = detectDelimiter(sample);
  let headers: string[] | null = null;
  let rowCount = 0;
  for await (const item of readCsv(path, { encoding, delimiter })) {
    if (item.kind === 'unclosed_quote') {
      if (headers) {
        rowCount++; // the rows before it import; the import refuses the rest as one row, naming its line
        break;
      }
      return refuse('unclosed_quote', `a quote opened on line ${item.line} is never closed, so the header cannot be read`);
    }
    if (isBlankRecord(item.fields)) continue;
    if (!headers) {
      headers = item.fields.map((field) => field.trim());
      const problem = headerProblem(headers, limits);
      if (problem) return problem;
      continue;
    }
    if (++rowCount > limits.maxRows) {
      return refuse('too_many_rows', `the file has more than ${limits.maxRows} rows (IMPORT_MAX_ROWS); split it into smaller files`);
    }
  }
  if (!headers) return refuse('empty_file', 'the file has only blank lines');
  if (rowCount === 0) return refuse('no_rows', 'the file has a header but no rows to import');
  return { ok: true, encoding, delimiter, headers, rowCount };
}

function headerProblem(headers: string[], limits: CsvLimits): CsvAnalysis | null {
  if (headers.length > limits.maxColumns) {
    return refuse('too_many_columns', `the file has ${headers.length} columns; at most ${limits.maxColumns} (IMPORT_MAX_COLUMNS)`);
  }
  const firstColumn = new Map<string, number>();
  for (const [index, header] of headers.entries()) {
    const folded = foldHeader(header);
    if (folded === '') continue;
    const earlier = firstColumn.get(folded);
    if (earlier !== undefined) {
      return refuse('duplicate_headers',
        `columns ${earlier + 1} and ${index + 1} have the same header "${header.slice(0, 80)}": rename one so each column says what it holds`);
    }
    firstColumn.set(folded, index);
  }
  return null;
}

function refuse(code: FileProblemCode, message: string): CsvAnalysis {
  return { ok: false, code, message };
}
