import type { DataSource } from 'typeorm';

export interface TextHit {
  table: string;
  column: string;
  needle: string;
  rows: number;
}

/**
 * Searches every text, varchar, jsonb, json and text[] column of every table for each needle
 * (case-insensitive, as a substring), and says where it was found. For tests proving that an
 * erased person left nothing readable behind; the needles themselves are never logged.
 */
export async function findText(db: DataSource, needles: readonly string[]): Promise<TextHit[]> {
  const columns: { table_name: string; column_name: string }[] = await db.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
       AND (c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json')
            OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar')))
     ORDER BY 1, 2`,
  );
  const hits: TextHit[] = [];
  for (const { table_name: table, column_name: column } of columns) {
    for (const needle of needles) {
      const [row] = await db.query(
        `SELECT count(*)::int AS n FROM "${table}" WHERE strpos(lower("${column}"::text), lower($1)) > 0`, [needle],
      );
      if (row.n > 0) hits.push({ table, column, needle, rows: row.n });
    }
  }
  return hits;
}
