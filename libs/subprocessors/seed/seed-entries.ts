import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { FIELD_COLUMNS, SUBPROCESSOR_FIELDS, type SubprocessorFields } from '../subprocessor-fields';

/**
 * The registry Relance starts with, as the privacy policy publishes it. The build copies it
 * beside the compiled code (scripts/copy-build-assets.ts), so it is found here from dist/ as
 * from the sources.
 */
export const SEED_FILE = join(__dirname, 'subprocessors.csv');

/**
 * The seed file's entries, in file order. Fields are quoted when they hold commas ("1 Hacker
 * Way, Menlo Park, California"): csv-parse reads them whole. A missing column or an empty value
 * fails, naming the line, rather than seeding a half-described subprocessor.
 */
export function readSeedEntries(path: string = SEED_FILE): SubprocessorFields[] {
  const rows: Record<string, string>[] = parse(readFileSync(path, 'utf8'), {
    columns: true, skip_empty_lines: true, trim: true, bom: true,
  });
  return rows.map((row, index) => {
    const entry = {} as SubprocessorFields;
    for (const field of SUBPROCESSOR_FIELDS) {
      const value = row[FIELD_COLUMNS[field]];
      if (!value) throw new Error(`${path} line ${index + 2}: ${FIELD_COLUMNS[field]} is missing`);
      entry[field] = value;
    }
    return entry;
  });
}

/** Anything that runs SQL: a DataSource, an EntityManager or a migration's QueryRunner. */
export interface Queryable {
  query(sql: string, parameters?: unknown[]): Promise<any>;
}

/**
 * Inserts the seed entries that are not there yet, each keyed by its name in the file (seed_key):
 * a second run adds nothing, even after staff renamed or retired a seeded entry. Returns how
 * many rows were added.
 */
export async function seedSubprocessors(db: Queryable, entries: SubprocessorFields[] = readSeedEntries()): Promise<number> {
  let added = 0;
  for (const entry of entries) {
    const rows: unknown[] = await db.query(
      `INSERT INTO subprocessors (seed_key, name, address, processing_scope, personal_data_types, processing_location, transfer_mechanism)
       VALUES ($1, $1, $2, $3, $4, $5, $6)
       ON CONFLICT (seed_key) DO NOTHING RETURNING id`,
      [entry.name, entry.address, entry.processingScope, entry.personalDataTypes, entry.processingLocation, entry.transferMechanism],
    );
    added += rows.length;
  }
  return added;
}
