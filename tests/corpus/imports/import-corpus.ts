import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '@relance/config';
import { analyseCsv, ImportFiles, ImportJobRepository, ImportRunner, mappingProblem, suggestMapping, type CsvAnalysis } from '@relance/imports';
import type { ImportOnExisting } from '@relance/db/entities/import-job.entity';

/** The corpus files, from dist/tests/corpus/imports/ back to the repository's tests/corpus/imports/files. */
export const CORPUS_DIR = join(__dirname, '..', '..', '..', '..', 'tests', 'corpus', 'imports', 'files');

/** The pieces an import runs with, on a real database and a private import folder. */
export function importStack(dataSource: DataSource, config: AppConfig) {
  const jobs = new ImportJobRepository(dataSource);
  const files = new ImportFiles(config);
  return { jobs, files, runner: new ImportRunner(config, jobs, files) };
}

export type Stack = ReturnType<typeof importStack>;

/**
 * What the API does with an upload, without HTTP: the file stored, read once, the job recorded
 * with the suggested mapping and started. Returns the file's problem, the mapping's, or the job.
 */
export async function uploadAndStart(
  stack: Stack, config: AppConfig, accountId: string, source: string, onExisting: ImportOnExisting,
): Promise<{ analysis: CsvAnalysis; mappingProblem?: string; jobId?: string }> {
  const id = randomUUID();
  const filePath = stack.files.relativePath(accountId, id);
  await mkdir(dirname(stack.files.absolutePath(filePath)), { recursive: true });
  await copyFile(source, stack.files.absolutePath(filePath));
  const analysis = await analyseCsv(stack.files.absolutePath(filePath), config.imports);
  if (!analysis.ok) return { analysis };
  const mapping = suggestMapping(analysis.headers);
  const problem = mappingProblem(mapping, analysis.headers.length);
  if (problem) return { analysis, mappingProblem: problem };
  await stack.jobs.create({
    id, accountId, createdByUserId: null, fileName: 'corpus.csv', filePath, sizeBytes: '0', encoding: analysis.encoding,
    delimiter: analysis.delimiter, headers: analysis.headers, mapping, totalRows: analysis.rowCount,
  });
  await stack.jobs.start(accountId, id, mapping, onExisting);
  return { analysis, jobId: id };
}
