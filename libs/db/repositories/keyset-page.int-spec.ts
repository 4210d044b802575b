import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { accountWithMailbox } from '../../../tests/support/account-with-mailbox';
import { loadConfig } from '@relance/config';
import { createDataSource } from '../data-source';
import { Prospect } from '../entities/prospect.entity';
import { entityFromRow } from './entity-rows';
import { keysetPage, type KeysetList, type Page } from './keyset-page';

/** Every list's paging, on real PostgreSQL: order, ties, cursors that name nothing, filters. */
describe('keysetPage (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let accountId: string;
  let otherAccountId: string;
  /** The account's prospects in creation order (created_at, then id). */
  let ordered: { id: string; email: string }[];

  before(async () => {
    dataSource = await createDataSource(loadConfig().database.url, { poolSize: 2 }).initialize();
    ({ accountId } = await accountWithMailbox(dataSource, 'Pages', 'pages.test'));
    ({ accountId: otherAccountId } = await accountWithMailbox(dataSource, 'Other pages', 'other-pages.test'));
    // Seven prospects one microsecond apart (a JS Date cannot tell them apart), and three sharing
    // one instant exactly (only the id orders them). Inserted shuffled: the order is the key's.
    const base = '2031-01-01 00:00:00.000001+00';
    const rows = [
      ...[3, 0, 6, 1, 5, 2, 4].map((n) => ({ email: `us${n}@pages.test`, at: `'${base}'::timestamptz + interval '${n} microseconds'` })),
      ...['ta', 'tb', 'tc'].map((name) => ({ email: `${name}@pages.test`, at: `'2031-01-02 00:00:00+00'::timestamptz` })),
    ];
    for (const row of rows) {
      await dataSource.query(
        `INSERT INTO prospects (account_id, email, status, created_at, custom_fields) VALUES ($1, $2, $3, ${row.at}, '{"k":"v"}')`,
        [accountId, row.email, row.email.startsWith('us') ? 'active' : 'replied'],
      );
    }
    ordered = await dataSource.query(`SELECT id, email FROM prospects WHERE account_id = $1 ORDER BY created_at, id`, [accountId]);
    await dataSource.query(`INSERT INTO prospects (account_id, email) VALUES ($1, 'stranger@other-pages.test')`, [otherAccountId]);
  });

  after(async () => {
    await dataSource?.destroy();
  });

  const prospects = (options: Partial<KeysetList<{ id: string; email: string }>> = {}): KeysetList<{ id: string; email: string }> => ({
    rows: `SELECT p.* FROM prospects p WHERE p.account_id = $1`,
    params: [accountId],
    key: ['created_at', 'id'],
    map: (row) => ({ id: row.id, email: row.email }),
    ...options,
  });

  /** Every page of a list, following nextCursor. */
  async function allPages<T>(list: KeysetList<T>, limit: number): Promise<Page<T>[]> {
    const pages: Page<T>[] = [];
    let after: string | null = null;
    do {
      const page: Page<T> | null = await keysetPage(dataSource, list, { limit, after });
      assert.ok(page, `the cursor ${after} is the list's own`);
      pages.push(page);
      after = page.nextCursor;
    } while (after);
    return pages;
  }

  it('pages through the list in key order, microseconds and ties included, each row once', async () => {
    const pages = await allPages(prospects(), 3);
    assert.deepEqual(pages.map((page) => page.items.length), [3, 3, 3, 1]);
    assert.deepEqual(pages.flatMap((page) => page.items), ordered);
    assert.equal(pages[0].nextCursor, ordered[2].id, 'the cursor is the last item of the page');
    assert.deepEqual(ordered.slice(0, 7).map((p) => p.email), ['us0', 'us1', 'us2', 'us3', 'us4', 'us5', 'us6'].map((n) => `${n}@pages.test`));
  });

  it('says no next page when the last page is exactly full', async () => {
    const pages = await allPages(prospects(), 5);
    assert.deepEqual(pages.map((page) => [page.items.length, page.nextCursor !== null]), [[5, true], [5, false]]);
  });

  it('pages newest first when descending', async () => {
    const pages = await allPages(prospects({ descending: true }), 4);
    assert.deepEqual(pages.flatMap((page) => page.items), [...ordered].reverse());
  });

  it('refuses a cursor that names no row of the list: forged, or of another account', async () => {
    assert.equal(await keysetPage(dataSource, prospects(), { limit: 3, after: randomUUID() }), null);
    const [stranger] = await dataSource.query(`SELECT id FROM prospects WHERE account_id = $1`, [otherAccountId]);
    assert.equal(await keysetPage(dataSource, prospects(), { limit: 3, after: stranger.id }), null);
  });

  it('filters what it lists, and still follows a cursor whose row the filter now leaves out', async () => {
    const active = prospects({ filter: { sql: `status = $2`, params: ['active'] } });
    const pages = await allPages(active, 2);
    assert.deepEqual(pages.flatMap((page) => page.items), ordered.slice(0, 7));
    // The row a rep's cursor names changed meanwhile: the page after it is still the same.
    const cursor = pages[0].nextCursor!;
    await dataSource.query(`UPDATE prospects SET status = 'replied' WHERE id = $1`, [cursor]);
    try {
      const next = await keysetPage(dataSource, active, { limit: 2, after: cursor });
      assert.deepEqual(next?.items, ordered.slice(2, 4));
    } finally {
      await dataSource.query(`UPDATE prospects SET status = 'active' WHERE id = $1`, [cursor]);
    }
  });

  it('keyed by the id alone, a cursor is its own position and is never refused', async () => {
    const byId = prospects({ key: ['id'] });
    const ids = ordered.map((p) => p.id).sort();
    const pages = await allPages(byId, 4);
    assert.deepEqual(pages.flatMap((page) => page.items.map((p) => p.id)), ids);
    const page = await keysetPage(dataSource, byId, { limit: 100, after: ids[5] });
    assert.deepEqual(page?.items.map((p) => p.id), ids.slice(6));
    // The row it names was deleted meanwhile: the next page starts where it stood.
    const gone = await keysetPage(dataSource, byId, { limit: 100, after: '00000000-0000-4000-8000-000000000000' });
    assert.deepEqual(gone?.items.map((p) => p.id), ids);
  });

  it('hands out entities as TypeORM finds would', async () => {
    const page = await keysetPage(dataSource, prospects({ map: entityFromRow(dataSource, Prospect) }), { limit: 1 });
    const found = await dataSource.getRepository(Prospect).findOneByOrFail({ id: ordered[0].id });
    assert.ok(page?.items[0] instanceof Prospect);
    assert.deepEqual(page?.items[0], found);
  });
});
