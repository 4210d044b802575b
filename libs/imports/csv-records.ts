import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import { decodingStream, type CsvEncoding } from './text-encoding';

export type CsvDelimiter = ',' | ';' | '\t' | '|';
const DELIMITERS: readonly CsvDelimiter[] = [',', ';', '\t', '|'];

/**
 * The delimiter of a file, from its first line: the candidate seen most often outside quotes
 * (a French Excel writes `;`, a database export often tab or `|`); a comma when none appears.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) break;
    else if (!quoted && counts.has(char as CsvDelimiter)) counts.set(char as CsvDelimiter, counts.get(char as CsvDelimiter)! + 1);
  }
  let best: CsvDelimiter = ',';
  for (const delimiter of DELIMITERS) if (counts.get(delimiter)! > counts.get(best)!) best = delimiter;
  return best;
}

/** One record of the file and the line of the file it starts on (1-based, as an editor shows it). */
export type CsvItem =
  | { kind: 'record'; fields: string[]; line: number }
  /** A quote opened on `line` is never closed: everything after it was one unfinished cell. */
  | { kind: 'unclosed_quote'; line: number };

/**
 * The records of a stored file, decoded and parsed as a stream (csv-parse, a maintained
 * parser): quoted cells may hold delimiters and newlines, rows may have any number of cells
 * (the caller reports the ragged ones), blank lines are passed over. Reading stops at an
 * unclosed quote, reported as the last item.
 */
export async function* readCsv(path: string, format: { encoding: CsvEncoding; delimiter: CsvDelimiter }): AsyncGenerator<CsvItem> {
  const source = createReadStream(path);
  const parser = source.pipe(decodingStream(format.encoding)).pipe(parse({
    delimiter: format.delimiter,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    // csv-parse's own BOM handling is for UTF-8 bytes; the decoder has already dropped it.
    bom: false,
  }));
  let lastLine = 0;
  let emptyLines = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number; empty_lines: number } }>) {
      const line = lastLine + 1 + (info.empty_lines - emptyLines);
      lastLine = info.lines;
      emptyLines = info.empty_lines;
      yield { kind: 'record', fields: record, line };
    }
  } catch (error) {
    if ((error as { code?: string }).code !== 'CSV_QUOTE_NOT_CLOSED') throw error;
    const skipped = (error as { empty_lines?: number }).empty_lines ?? emptyLines;
    yield { kind: 'unclosed_quote', line: lastLine + 1 + Math.max(skipped - emptyLines, 0) };
  } finally {
    // Stopped early (a limit, an error): the file is closed now, not when collected.
    source.destroy();
    parser.destroy();
  }
}

/** A row of empty cells (",,,"): a blank line as a spreadsheet writes it; passed over like one. */
export function isBlankRecord(fields: readonly string[]): boolean {
  return fields.every((field) => field.trim() === '');
}
