import { createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { stringify } from 'csv-stringify/sync';
import { ZipFile } from 'yazl';
import { csvCell } from './csv-cells';
import type { ExportedEntity } from './export-entities';
import type { ExportRow } from './account-export.repository';

/** Where an archive's rows come from, a page at a time. */
export interface ExportSource {
  columnsOf(entity: ExportedEntity): Promise<readonly string[]>;
  page(entity: ExportedEntity, columns: readonly string[], afterId: string | null, limit: number): Promise<ExportRow[]>;
}

/**
 * Writes the ZIP: `<entity>.json` (an array of row objects) and `<entity>.csv` (a header, then
 * one line per row, cells neutralised) for every entity. Each file is generated while the ZIP
 * reads it, a page of rows at a time, so an account of any size takes the memory of one page.
 * The archive is written beside its final path and renamed once complete: a crash leaves no
 * half archive under the name a link serves. Returns rows written per entity, and the size.
 */
export async function writeExportArchive(
  path: string,
  entities: readonly ExportedEntity[],
  source: ExportSource,
  onPage: () => void = () => undefined,
): Promise<{ rowCounts: Record<string, number>; sizeBytes: number }> {
  await mkdir(dirname(path), { recursive: true });
  const rowCounts: Record<string, number> = {};
  const zip = new ZipFile();
  for (const entity of entities) {
    const columns = await source.columnsOf(entity);
    const rows = () => pages(entity, columns, source, onPage);
    zip.addReadStream(Readable.from(jsonLines(rows(), (count) => { rowCounts[entity.name] = count; })), `${entity.name}.json`);
    zip.addReadStream(Readable.from(csvLines(columns, rows())), `${entity.name}.csv`);
  }
  zip.end();
  const partial = `${path}.part`;
  try {
    await pipeline(zip.outputStream, createWriteStream(partial, { mode: 0o600 }));
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  return { rowCounts, sizeBytes: (await stat(path)).size };
}

const PAGE_SIZE = 1_000;

async function* pages(entity: ExportedEntity, columns: readonly string[], source: ExportSource, onPage: () => void): AsyncGenerator<ExportRow> {
  let afterId: string | null = null;
  for (;;) {
    const page = await source.page(entity, columns, afterId, PAGE_SIZE);
    onPage();
    yield* page;
    if (page.length < PAGE_SIZE) return;
    afterId = String(page[page.length - 1].id);
  }
}

async function* jsonLines(rows: AsyncIterable<ExportRow>, done: (count: number) => void): AsyncGenerator<string> {
  let count = 0;
  yield '[';
  for await (const row of rows) {
    yield `${count === 0 ? '\n' : ',\n'}${JSON.stringify(row)}`;
    count += 1;
  }
  yield count === 0 ? ']\n' : '\n]\n';
  done(count);
}

async function* csvLines(columns: readonly string[], rows: AsyncIterable<ExportRow>): AsyncGenerator<string> {
  yield stringify([columns as string[]]);
  for await (const row of rows) yield stringify([columns.map((column) => csvCell(row[column]))]);
}

export { PAGE_SIZE as EXPORT_PAGE_SIZE };
