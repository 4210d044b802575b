import type { NonPersonalColumn, PersonalTable } from './types';

/** The import's account, as a condition on a table's `import_job_id`. */
const OF_ACCOUNT_IMPORTS = `t.import_job_id IN (SELECT id FROM import_jobs WHERE account_id = $1)`;

/**
 * CSV imports: the uploaded files (kept until the account closes, as the privacy policy says),
 * their refused rows and which prospects they made. Children first. A prospect's erasure also
 * rewrites every stored file of the account without that person's rows (ImportFileErasure):
 * the file is one object holding many people, so it is edited, not deleted.
 */
export const IMPORT_TABLES: PersonalTable[] = [
  {
    table: 'import_refusals',
    purpose: 'The rows of an uploaded file that could not be imported, with why, for the rep to fix.',
    columns: [
      { column: 'value', kind: 'free_text', note: 'the refused cell as written' },
      { column: 'email', kind: 'email' },
      { column: 'reason', kind: 'free_text', note: 'may quote the cell (a time zone as written)' },
    ],
    lookups: [
      {
        subject: 'prospect',
        sql: `(t.email, t.import_job_id) IN (SELECT p.email, j.id FROM prospects p JOIN import_jobs j ON j.account_id = p.account_id WHERE p.id = $1)`,
      },
      { subject: 'account', sql: OF_ACCOUNT_IMPORTS },
    ],
    erasure: 'delete_row',
  },
  {
    table: 'import_job_prospects',
    purpose: 'Which prospects an import created or updated, so the rep can act on one import (enrich it).',
    columns: [],
    lookups: [{ subject: 'prospect', column: 'prospect_id' }, { subject: 'account', sql: OF_ACCOUNT_IMPORTS }],
    erasure: 'delete_row',
  },
  {
    table: 'import_jobs',
    purpose: 'A CSV file of prospects a rep uploaded, kept until the account closes, and its progress.',
    columns: [
      { column: 'file_path', kind: 'file', note: 'the CSV under IMPORT_DIR: rewritten without an erased prospect, removed with the account' },
      { column: 'file_name', kind: 'free_text', note: 'the name the rep gave the file' },
      { column: 'headers', kind: 'free_text', note: 'jsonb: the header row as written' },
    ],
    lookups: [{ subject: 'account', column: 'account_id' }],
    erasure: 'delete_row',
  },
];

export const IMPORT_NOT_PERSONAL: NonPersonalColumn[] = [
  ...['status', 'encoding', 'delimiter', 'on_existing'].map((column) => ({ table: 'import_jobs', column, reason: 'a state or setting from a fixed list' })),
  { table: 'import_jobs', column: 'mapping', reason: 'which prospect field or custom key each column fills: names nobody' },
  { table: 'import_jobs', column: 'error', reason: 'why an import failed, written by Relance, naming no row' },
  { table: 'import_job_prospects', column: 'outcome', reason: 'created or updated: a state from a fixed list' },
  { table: 'import_refusals', column: 'column_name', reason: 'a header of the file (what a column holds), not a cell' },
];
