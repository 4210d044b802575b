import type { DataSource } from 'typeorm';

/**
 * Rows per table of a database that name any of `ids` (an account's id and the ids of its
 * campaigns, mailboxes, prospects…), found by searching each row's JSON text: a table nobody
 * thought of is searched too. Tables with no such row are left out.
 */
export async function rowsNaming(db: DataSource, ids: readonly string[], skipTables: readonly string[] = []): Promise<Record<string, number>> {
  const tables: { table_name: string }[] = await db.query(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const pattern = ids.join('|');
  const found: Record<string, number> = {};
  for (const { table_name: table } of tables) {
    if (skipTables.includes(table)) continue;
    const [{ count }] = await db.query(`SELECT count(*)::int AS count FROM "${table}" t WHERE row_to_json(t)::text ~ $1`, [pattern]);
    if (count > 0) found[table] = count;
  }
  return found;
}
