import type { ImportOnExisting } from '@relance/db/entities/import-job.entity';
import type { FileProblemCode } from '@relance/imports/csv-analysis';

/** [line, column, reason, value as stored] of each refused cell, in file order. */
export type ExpectedRefusal = [number, string, string, string | null];

export interface ImportedOutcome {
  totalRows: number;
  imported: number;
  updated?: number;
  skipped?: number;
  refusals: ExpectedRefusal[];
  /** Prospects as stored afterwards (the fields named), by normalised address. */
  prospects?: Record<string, Record<string, unknown>>;
  onExisting?: ImportOnExisting;
}

export type Expectation =
  | ({ kind: 'imported' } & ImportedOutcome)
  | { kind: 'file_error'; code: FileProblemCode; message: string }
  | { kind: 'mapping_error'; message: string };

const INVALID = 'is not a valid email address';
const UNCLOSED = 'a quote opened on this line is never closed: the rest of the file was read as one cell and is not imported';
const ragged = (cells: number, header: number) => `the row has ${cells} cells where the header has ${header}: a delimiter or quote is missing or extra`;
const NOT_TEXT = 'the file is not CSV text (it looks like binary data: a spreadsheet, an archive or an image?); export it as CSV in UTF-8, or as UTF-16 with a byte-order mark';

/**
 * The exact outcome of each file of files/ (limits: 50 rows, 20 columns). Accounts 25 and 26
 * already have existing@corpus.test (first name Olga, company Old Co, custom size 10); account
 * 27 has unsubscribed@corpus.test (unsubscribed) and the domain blocked.test (manual) suppressed.
 */
export const EXPECTATIONS: Record<string, Expectation> = {
  '01-clean-comma.csv': { kind: 'imported', totalRows: 3, imported: 3, refusals: [],
    prospects: { 'grace@corpus.test': { first_name: 'Grace', last_name: 'Hopper', company: 'Navy' } } },
  '02-semicolon-french-headers.csv': { kind: 'imported', totalRows: 2, imported: 2, refusals: [],
    prospects: {
      'marie@corpus.test': { first_name: 'Marie', last_name: 'Curie', company: 'Institut du Radium', position: 'Directrice', country: 'FR', time_zone: 'Europe/Paris' },
      'emile@corpus.test': { first_name: 'Émile', company: 'L\'Aurore', time_zone: 'Europe/Paris' },
    } },
  '03-tab-delimited.tsv': { kind: 'imported', totalRows: 2, imported: 2, refusals: [],
    prospects: { 'tab2@corpus.test': { first_name: 'Tom', company: 'Tabs, Ltd' } } },
  '04-pipe-delimited.csv': { kind: 'imported', totalRows: 2, imported: 2, refusals: [],
    prospects: { 'pipe2@corpus.test': { company: 'Pipes & Co', country: 'GB' } } },
  '05-utf8-bom.csv': { kind: 'imported', totalRows: 1, imported: 1, refusals: [], prospects: { 'bom@corpus.test': { first_name: 'Zoë' } } },
  '06-utf16le-bom.csv': { kind: 'imported', totalRows: 2, imported: 2, refusals: [],
    prospects: { 'le@corpus.test': { first_name: 'Hélène', company: 'Crème Brûlée SARL' }, 'le2@corpus.test': { first_name: 'Jürgen', company: 'Größe GmbH' } } },
  '07-utf16be-bom.csv': { kind: 'imported', totalRows: 1, imported: 1, refusals: [], prospects: { 'be@corpus.test': { first_name: 'Ōsaka' } } },
  '08-latin1-accents.csv': { kind: 'imported', totalRows: 2, imported: 2, refusals: [],
    prospects: { 'helene@corpus.test': { first_name: 'Hélène', company: 'Société Générale' }, 'zoe@corpus.test': { first_name: 'Zoë', company: 'Crème' } } },
  '09-windows1252-smart-quotes.csv': { kind: 'imported', totalRows: 1, imported: 1, refusals: [],
    prospects: { 'quotes@corpus.test': { company: '\u201cBig\u201d \u20ac' } } },
  '10-crlf.csv': { kind: 'imported', totalRows: 3, imported: 2, refusals: [[3, 'email', INVALID, 'not-an-address']],
    prospects: { 'crlf3@corpus.test': { first_name: 'Three' } } },
  '11-quoted-newlines.csv': { kind: 'imported', totalRows: 3, imported: 2, refusals: [[5, 'email', INVALID, 'bad-after-newlines']],
    prospects: {
      'multi@corpus.test': { company: 'Quoted, Inc', custom_fields: { notes: 'first line\nsecond line\nthird line' } },
      'after@corpus.test': { company: 'He said "hi"', custom_fields: {} },
    } },
  '12-ragged-rows.csv': { kind: 'imported', totalRows: 4, imported: 2, refusals: [[3, '', ragged(4, 3), null], [4, '', ragged(2, 3), null]] },
  '13-unclosed-quote.csv': { kind: 'imported', totalRows: 3, imported: 2, refusals: [[4, '', UNCLOSED, null]] },
  '14-binary-junk.csv': { kind: 'file_error', code: 'not_text', message: NOT_TEXT },
  '15-nul-bytes.csv': { kind: 'imported', totalRows: 3, imported: 2, refusals: [[3, 'first_name', 'contains a NUL byte: binary data, not text', 'Bro\ufffdken']] },
  '16-empty.csv': { kind: 'file_error', code: 'empty_file', message: 'the file is empty (0 bytes)' },
  '17-header-only.csv': { kind: 'file_error', code: 'no_rows', message: 'the file has a header but no rows to import' },
  '18-duplicate-headers.csv': { kind: 'file_error', code: 'duplicate_headers',
    message: 'columns 1 and 3 have the same header "E-Mail": rename one so each column says what it holds' },
  '19-huge-cell.csv': { kind: 'imported', totalRows: 2, imported: 1,
    refusals: [[2, 'company', 'is 100000 characters long; at most 200', `${'x'.repeat(200)}…`]] },
  '20-formula-injection.csv': { kind: 'imported', totalRows: 3, imported: 2,
    refusals: [[3, 'email', INVALID, '=HYPERLINK("http://evil.test","x")']],
    prospects: { 'formula1@corpus.test': { first_name: '=1+1', company: '+Plus' }, 'formula3@corpus.test': { first_name: '-minus' } } },
  '21-invalid-emails.csv': { kind: 'imported', totalRows: 7, imported: 1,
    refusals: [
      [2, 'email', INVALID, 'plainaddress'], [3, 'email', INVALID, 'two@@corpus.test'], [4, 'email', INVALID, 'space in@corpus.test'],
      [5, 'email', INVALID, 'ada@localhost'], [6, 'email', 'is empty: an email address is required', ''],
      [8, 'email', INVALID, 'trailing-dot@corpus..test'],
    ] },
  '22-internationalised-emails.csv': { kind: 'imported', totalRows: 3, imported: 3, refusals: [],
    prospects: { 'josé@exemple.fr': {}, '用户@xn--fsqu00a.xn--4rr70v': {}, 'ada@xn--bcher-kva.de': {} } },
  '23-blank-lines.csv': { kind: 'imported', totalRows: 3, imported: 2, refusals: [[9, 'email', INVALID, 'not-valid']],
    prospects: { 'blank3@corpus.test': { first_name: 'C' } } },
  '24-duplicates-in-file.csv': { kind: 'imported', totalRows: 4, imported: 2,
    refusals: [
      [4, 'email', 'repeats the address of line 2: only the first is imported', 'same@corpus.test'],
      [5, 'email', 'repeats the address of line 2: only the first is imported', 'same@corpus.test'],
    ],
    prospects: { 'same@corpus.test': { first_name: 'First' } } },
  '25-existing-skip.csv': { kind: 'imported', totalRows: 2, imported: 1, skipped: 1, refusals: [], onExisting: 'skip',
    prospects: { 'existing@corpus.test': { first_name: 'Olga', company: 'Old Co' }, 'fresh@corpus.test': { company: 'Fresh Co' } } },
  '26-existing-update.csv': { kind: 'imported', totalRows: 2, imported: 1, updated: 1, refusals: [], onExisting: 'update',
    prospects: {
      'existing@corpus.test': { first_name: 'Olga', company: 'New Co', custom_fields: { size: '10', secteur: 'Chimie' } },
      'fresh@corpus.test': { first_name: 'Fresh', custom_fields: {} },
    } },
  '27-suppressed.csv': { kind: 'imported', totalRows: 4, imported: 1,
    refusals: [
      [2, 'email', 'the address is on the account\'s suppression list (unsubscribed)', 'unsubscribed@corpus.test'],
      [3, 'email', 'the domain blocked.test is on the account\'s suppression list (added by the account)', 'someone@blocked.test'],
      [4, 'email', 'the domain blocked.test is on the account\'s suppression list (added by the account)', 'sub@eu.blocked.test'],
    ] },
  '28-time-zones.csv': { kind: 'imported', totalRows: 6, imported: 3,
    refusals: [
      [4, 'time zone', '"EST" is a fixed UTC−05:00 offset without daylight saving: use a city zone such as America/New_York', 'EST'],
      [5, 'time zone', '"Mars/Olympus" is not an IANA time zone such as Europe/Paris', 'Mars/Olympus'],
      [6, 'time zone', '"+02:00" is a fixed offset from UTC, not a time zone: its clock ignores daylight saving; use a city zone such as Europe/Paris', '+02:00'],
    ],
    prospects: { 'tz1@corpus.test': { time_zone: 'Europe/Paris' }, 'tz2@corpus.test': { time_zone: 'America/New_York' }, 'tz6@corpus.test': { time_zone: null } } },
  '29-no-email-column.csv': { kind: 'mapping_error', message: 'no column is mapped to email' },
  '30-too-many-columns.csv': { kind: 'file_error', code: 'too_many_columns', message: 'the file has 21 columns; at most 20 (IMPORT_MAX_COLUMNS)' },
  '31-too-many-rows.csv': { kind: 'file_error', code: 'too_many_rows', message: 'the file has more than 50 rows (IMPORT_MAX_ROWS); split it into smaller files' },
  '32-utf16le-without-bom.csv': { kind: 'file_error', code: 'not_text', message: NOT_TEXT },
  '33-custom-columns.csv': { kind: 'imported', totalRows: 1, imported: 1, refusals: [],
    prospects: { 'custom@corpus.test': { custom_fields: { secteur_d_activite: 'Chimie', taille: '50-200', _2024_revenue: '1M', notes: 'Met at "Salon"' } } } },
  '34-invisible-characters.csv': { kind: 'imported', totalRows: 2, imported: 1,
    refusals: [[3, 'email', 'contains invisible characters (zero-width spaces or joiners)', 'in\u200bside@corpus.test']],
    prospects: { 'edge@corpus.test': { first_name: 'Edges' } } },
  '35-quoted-delimiters.csv': { kind: 'imported', totalRows: 1, imported: 1, refusals: [],
    prospects: { 'q1@corpus.test': { company: 'Smith; Jones & Co', position: 'Head, Sales' } } },
  '36-messy-headers.csv': { kind: 'imported', totalRows: 1, imported: 1, refusals: [],
    prospects: { 'messy@corpus.test': { first_name: 'Mia', last_name: 'Messy', position: 'CTO', time_zone: 'Asia/Kolkata' } } },
  '37-long-name.csv': { kind: 'imported', totalRows: 2, imported: 1, refusals: [[2, 'first_name', 'is 201 characters long; at most 200', `${'N'.repeat(200)}…`]] },
};
