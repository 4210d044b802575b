/**
 * The opaque cursor of a list ordered by (created_at, id): the last row's position itself, not
 * its id to look up, so a page still continues after that row was deleted (a rep deleting the
 * page they just read) and a cursor never says whether a row exists.
 */
export interface Position {
  /** created_at in microseconds since the epoch, as a decimal string (timestamptz keeps microseconds; a JS Date would drop them). */
  micros: string;
  id: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const MICROS = /^-?\d{1,17}$/;
const PREFIX = 'p1.';

export function encodePosition(position: Position): string {
  return Buffer.from(`${PREFIX}${position.micros}.${position.id}`, 'utf8').toString('base64url');
}

/** Null when `cursor` is not one encodePosition made (truncated, edited, or some other list's). */
export function decodePosition(cursor: string): Position | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(cursor)) return null;
  const text = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!text.startsWith(PREFIX)) return null;
  const [micros, id, ...rest] = text.slice(PREFIX.length).split('.');
  if (rest.length > 0 || !MICROS.test(micros ?? '') || !UUID.test(id ?? '')) return null;
  return { micros, id };
}

/** SQL reading a row's position: its micros (exact: extract() answers numeric) beside its id. */
export function positionColumn(alias: string): string {
  return `(extract(epoch FROM ${alias}.created_at) * 1000000)::bigint::text AS position_micros`;
}

/** SQL that holds for rows of `alias` after the position in parameters `$micros`, `$id`. */
export function afterPosition(alias: string, micros: string, id: string): string {
  return `(${alias}.created_at, ${alias}.id) > (timestamptz 'epoch' + ${micros}::bigint * interval '1 microsecond', ${id}::uuid)`;
}
