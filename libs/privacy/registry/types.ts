/**
 * The personal-data registry's vocabulary: what kind of personal data a column holds, how the
 * rows about one person are found in a table, and what erasing that person does there.
 * Declarations live beside this file (one file per area); every table holding personal data is
 * declared, and a test fails for any text-like column of an entity that is neither declared
 * personal nor declared not personal with a reason.
 */

/** What a column holds. */
export type PersonalKind =
  | 'email'
  | 'name'
  | 'phone'
  | 'ip'
  | 'postal_address'
  /** Words a person wrote or that describe them: subjects, bodies, company, position, notes, custom fields. */
  | 'free_text'
  /** A stored file (an import, an export archive): its path or its bytes. */
  | 'file'
  /** A secret that opens someone's account (mailbox passwords, sealed). */
  | 'credential'
  /** A keyed hash of an email address (SUPPRESSION_HASH_KEY): what erasure leaves behind, on purpose. */
  | 'email_hash';

/** Whose data a row is, and which of its columns (or which path from it) names that person. */
export type SubjectLookup =
  /** `column` holds the id of the prospect, user or account. */
  | { subject: 'prospect' | 'user' | 'account'; column: string }
  /**
   * The row belongs to the subject through other tables: `sql` is a condition on the table
   * (aliased `t`) with the subject's id as $1, e.g. `t.enrollment_id IN (SELECT id FROM
   * enrollments WHERE prospect_id = $1)`.
   */
  | { subject: 'prospect' | 'user' | 'account'; sql: string }
  /** `column` holds the keyed hash of the subject's email address. */
  | { subject: 'email_hash'; column: string };

/** What erasing a subject does to one column of a row that is kept. */
export type ColumnErasure =
  | 'null'
  /** Replaced by the keyed hash of the address it held (the address column of a kept row). */
  | 'keyed_hash'
  /** Kept as is: it is already a keyed hash (the suppression list needs it). */
  | 'keep';

export interface PersonalColumn {
  column: string;
  kind: PersonalKind;
  /** For tables whose rows are kept on erasure; ignored when the whole row is deleted. */
  erasure?: ColumnErasure;
  /** Text array or jsonb: erasure treats the whole value. */
  note?: string;
}

export interface PersonalTable {
  table: string;
  /** Which database holds it: the main one, or the vault's (VAULT_DATABASE_URL). */
  database?: 'main' | 'vault';
  /** The column that identifies a row (what the erasure ledger records); `id` unless said. */
  rowKey?: string;
  columns: PersonalColumn[];
  /** How the rows about each kind of subject are found; a kind absent here has no rows in this table. */
  lookups: SubjectLookup[];
  /** What erasing a subject does to their rows: delete them, or keep them with their columns erased. */
  erasure: 'delete_row' | 'erase_columns';
  /** Why this table holds what it holds, in a sentence (shown to staff next to certificates). */
  purpose: string;
}

/** A text-like column that holds no personal data, and why (so a new column cannot be forgotten). */
export interface NonPersonalColumn {
  table: string;
  column: string;
  reason: string;
}
