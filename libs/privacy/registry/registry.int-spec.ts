import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { createDataSource, createVaultDataSource } from '@relance/db';
import { testEnv } from '../../../tests/harness/env';
import { NOT_PERSONAL, PERSONAL_DATA } from './index';

/** Column types that can hold words, addresses or files: each must be declared one way or the other. */
const TEXT_LIKE = `(c.data_type IN ('text', 'character varying', 'character', 'jsonb', 'json', 'inet', 'cidr', 'bytea')
  OR (c.data_type = 'ARRAY' AND c.udt_name IN ('_text', '_varchar', '_jsonb', '_inet')))`;

interface ColumnRow { table_name: string; column_name: string }

const key = (table: string, column: string) => `${table}.${column}`;

/** The tables' columns of one database, text-like ones only when asked, as `table.column`. */
async function schemaColumns(database: DataSource, textLikeOnly: boolean): Promise<string[]> {
  const rows: ColumnRow[] = await database.query(
    `SELECT c.table_name, c.column_name FROM information_schema.columns c
     JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
     WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE' ${textLikeOnly ? `AND ${TEXT_LIKE}` : ''}
     ORDER BY 1, 2`,
  );
  return rows.map((row) => key(row.table_name, row.column_name));
}

/**
 * The registry against the real migrated schemas, the main database's and the vault's: every
 * text-like column of every table is declared personal (with how to find and erase it) or not
 * personal (with why), and the registry names nothing that does not exist.
 */
describe('personal-data registry', () => {
  let db: DataSource;
  let vault: DataSource;
  let columns: Set<string>;

  before(async () => {
    db = await createDataSource(testEnv().databaseUrl, { poolSize: 1 }).initialize();
    vault = await createVaultDataSource(testEnv().vaultDatabaseUrl, { poolSize: 1 }).initialize();
    columns = new Set([...(await schemaColumns(db, false)), ...(await schemaColumns(vault, false))]);
  });

  after(async () => {
    await db?.destroy();
    await vault?.destroy();
  });

  const personal = () => new Set(PERSONAL_DATA.flatMap((t) => t.columns.map((c) => key(t.table, c.column))));
  const notPersonal = () => new Set(NOT_PERSONAL.map((c) => key(c.table, c.column)));

  it('declares every text-like, jsonb, inet, bytea and array column of every table', async () => {
    const vaultColumns = await schemaColumns(vault, true);
    const textLike = [...(await schemaColumns(db, true)), ...vaultColumns];
    assert.ok(textLike.length > 50, `the schema has text-like columns to check (${textLike.length})`);
    assert.ok(vaultColumns.length > 0, 'the vault has text-like columns to check');
    const declared = new Set([...personal(), ...notPersonal()]);
    const undeclared = textLike.filter((column) => !declared.has(column));
    assert.deepEqual(undeclared, [], 'declare these in libs/privacy/registry (personal, or NOT_PERSONAL with a reason)');
  });

  it('declares every string, json and array property of every entity (TypeORM metadata)', () => {
    const declared = new Set([...personal(), ...notPersonal()]);
    const undeclared = [...db.entityMetadatas, ...vault.entityMetadatas].flatMap((entity) =>
      entity.columns
        .filter((c) => c.isArray || ['text', 'varchar', 'character varying', 'jsonb', 'json', 'inet', 'bytea'].includes(String(c.type)))
        .map((c) => key(entity.tableName, c.databaseName))
        .filter((column) => !declared.has(column)));
    assert.ok(db.entityMetadatas.length > 10);
    assert.deepEqual(undeclared, []);
  });

  it('declares no column twice, nor both personal and not personal', () => {
    const all = [
      ...PERSONAL_DATA.flatMap((t) => t.columns.map((c) => key(t.table, c.column))),
      ...NOT_PERSONAL.map((c) => key(c.table, c.column)),
    ];
    assert.deepEqual(all.filter((column, i) => all.indexOf(column) !== i), []);
    const tables = PERSONAL_DATA.map((t) => t.table);
    assert.deepEqual(tables.filter((table, i) => tables.indexOf(table) !== i), []);
  });

  it('names only tables and columns that exist', () => {
    const named = [
      ...PERSONAL_DATA.flatMap((t) => [
        ...t.columns.map((c) => key(t.table, c.column)),
        key(t.table, t.rowKey ?? 'id'),
        ...t.lookups.flatMap((l) => ('column' in l ? [key(t.table, l.column)] : [])),
      ]),
      ...NOT_PERSONAL.map((c) => key(c.table, c.column)),
    ];
    assert.deepEqual(named.filter((column) => !columns.has(column)), []);
    assert.equal(NOT_PERSONAL.filter((c) => c.reason.trim().length < 8).length, 0, 'every reason says why');
  });

  it('every SQL lookup is valid on the schema', async () => {
    for (const table of PERSONAL_DATA.filter((t) => (t.database ?? 'main') === 'main')) {
      for (const lookup of table.lookups) {
        if (!('sql' in lookup)) continue;
        await assert.doesNotReject(
          db.query(`EXPLAIN SELECT t.id FROM "${table.table}" t WHERE ${lookup.sql}`.replace('t.id', `t."${table.rowKey ?? 'id'}"`), [randomUUID()]),
          `${table.table}: ${lookup.subject} lookup`,
        );
      }
    }
  });

  it('lists tables children first, so erasure counts each row before a cascade could take it', async () => {
    const links: { child: string; parent: string }[] = await db.query(
      `SELECT c.conrelid::regclass::text AS child, c.confrelid::regclass::text AS parent
       FROM pg_constraint c WHERE c.contype = 'f' AND c.conrelid <> c.confrelid`,
    );
    const position = new Map(PERSONAL_DATA.map((t, i) => [t.table, i]));
    const misplaced = links.filter(({ child, parent }) =>
      position.has(child) && position.has(parent) && position.get(child)! > position.get(parent)!);
    assert.deepEqual(misplaced, []);
  });
});
