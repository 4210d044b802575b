import type { DataSource, EntityManager } from 'typeorm';

/** One page of a list, and the cursor that continues it: null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/**
 * A list read a page at a time in the order of a key that ends with the row's id. A page
 * starts after the row its cursor names, so rows added or removed meanwhile shift nothing.
 */
export interface KeysetList<T> {
  /**
   * The rows a cursor may name, as a SELECT (`$1`… for `params`) whose output has an `id` and
   * the key's columns: limited to what the caller may see (an account, a campaign), not filtered.
   */
  rows: string;
  params: readonly unknown[];
  /**
   * Narrows what is listed (a status), as SQL on the output columns with its own parameters,
   * numbered on from `params`. A cursor need not meet it: the row it names may have changed since.
   */
  filter?: { sql: string; params: readonly unknown[] };
  /**
   * Output columns the list is ordered by, the last one `id`: ['created_at', 'id'], or ['id']
   * alone, whose cursor is its own position and is not looked up.
   */
  key: readonly string[];
  /** Newest first. */
  descending?: boolean;
  map(row: Record<string, any>): T;
}

type Queryable = DataSource | EntityManager;

export interface PageRequest {
  limit: number;
  /** The previous page's `nextCursor`; absent for the first page. */
  after?: string | null;
}

/**
 * The page of `limit` rows after the row `after` (the previous page's `nextCursor`), or the first
 * page. Null when `after` names no row of the list: a stale or forged cursor, or another list's.
 * One row more than the page is read, to tell whether another page follows.
 */
export function keysetPage<T>(db: Queryable, list: KeysetList<T> & { key: readonly ['id'] }, page: PageRequest): Promise<Page<T>>;
export function keysetPage<T>(db: Queryable, list: KeysetList<T>, page: PageRequest): Promise<Page<T> | null>;
export async function keysetPage<T>(db: Queryable, list: KeysetList<T>, page: PageRequest): Promise<Page<T> | null> {
  const after = page.after ?? null;
  const byIdAlone = list.key.length === 1;
  const cursorAt = `$${list.params.length + 1}::uuid`;
  if (after && !byIdAlone) {
    const [found] = await db.query(`SELECT 1 FROM (${list.rows}) c WHERE c.id = ${cursorAt}`, [...list.params, after]);
    if (!found) return null;
  }
  const filterParams = list.filter?.params ?? [];
  const values: unknown[] = [...list.params, ...filterParams];
  const conditions = list.filter ? [`(${list.filter.sql})`] : [];
  if (after) {
    values.push(after);
    const cursor = `$${values.length}::uuid`;
    const beyond = list.descending ? '<' : '>';
    // The cursor's key is read in SQL: timestamptz keeps microseconds that a JS Date would drop.
    const cursorKey = byIdAlone ? cursor : `(SELECT ${columns('c', list.key)} FROM (${list.rows}) c WHERE c.id = ${cursor})`;
    conditions.push(`(${columns('r', list.key)}) ${beyond} ${cursorKey}`);
  }
  values.push(page.limit + 1);
  const direction = list.descending ? 'DESC' : 'ASC';
  const rows: Record<string, any>[] = await db.query(
    `SELECT * FROM (${list.rows}) r ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
     ORDER BY ${list.key.map((column) => `r.${column} ${direction}`).join(', ')} LIMIT $${values.length}`,
    values,
  );
  const items = rows.slice(0, page.limit);
  const hasMore = rows.length > page.limit && items.length > 0;
  return { items: items.map((row) => list.map(row)), nextCursor: hasMore ? items[items.length - 1].id : null };
}

function columns(alias: string, key: readonly string[]): string {
  return key.map((column) => `${alias}.${column}`).join(', ');
}
