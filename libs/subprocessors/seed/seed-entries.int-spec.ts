import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@relance/db';
import { testEnv } from '../../../tests/harness/env';
import { readSeedEntries, SEED_FILE, seedSubprocessors } from './seed-entries';

/** The migration seeded the harness's database; these check what it did and that seeding again adds nothing. */
describe('subprocessor seed', () => {
  let db: DataSource;

  before(async () => {
    db = await createDataSource(testEnv().databaseUrl, { poolSize: 1 }).initialize();
  });

  after(async () => {
    await db?.destroy();
  });

  const seeded = async (): Promise<number> =>
    (await db.query(`SELECT count(*)::int AS count FROM subprocessors WHERE seed_key IS NOT NULL`))[0].count;

  it('reads the 25 entries of the file copied into dist/, quoted fields whole', () => {
    assert.match(SEED_FILE, /dist\/libs\/subprocessors\/seed\/subprocessors\.csv$/, 'the tests run the compiled tree');
    const entries = readSeedEntries();
    assert.equal(entries.length, 25);
    assert.deepEqual(entries[0], {
      name: 'Meta Platforms, Inc',
      address: '1 Hacker Way, Menlo Park, California',
      processingScope: 'Marketing',
      personalDataTypes: 'Name, email address',
      processingLocation: 'US',
      transferMechanism: 'Data Privacy Framework',
    });
    assert.equal(new Set(entries.map((e) => e.name)).size, 25, 'no two entries share a name');
  });

  it('the migration seeded 25 rows, a quoted address with its commas intact', async () => {
    assert.equal(await seeded(), 25);
    const [row] = await db.query(`SELECT * FROM subprocessors WHERE seed_key = 'SupportYourApp Limited'`);
    assert.equal(row.address, '9th Floor, Amtel Building, 148 Des Voeux Road Central, Central, Hong Kong');
    assert.equal(row.personal_data_types, 'Name, email address');
    assert.equal(row.processing_location, 'Ukraine');
    assert.equal(row.status, 'active');
  });

  it('seeding again adds nothing, twice, even after staff renamed a seeded entry', async () => {
    assert.equal(await seedSubprocessors(db), 0);
    assert.equal(await seedSubprocessors(db), 0);
    assert.equal(await seeded(), 25);
    // In a transaction rolled back at the end: the other suites share this database.
    const runner = db.createQueryRunner();
    await runner.startTransaction();
    try {
      await runner.query(`UPDATE subprocessors SET name = 'Stripe Payments Europe' WHERE seed_key = 'Stripe'`);
      assert.equal(await seedSubprocessors(runner), 0, 'the renamed entry keeps its seed key');
      const [{ count }] = await runner.query(`SELECT count(*)::int AS count FROM subprocessors WHERE name IN ('Stripe', 'Stripe Payments Europe')`);
      assert.equal(count, 1);
    } finally {
      await runner.rollbackTransaction();
      await runner.release();
    }
  });

  it('refuses a file with a missing value, naming the line and the column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'subprocessors-'));
    const file = join(dir, 'bad.csv');
    writeFileSync(file, 'name,address,processing_scope,personal_data_types,processing_location,transfer_mechanism\n'
      + '"Acme, Inc","1 Road, Town",Hosting,All data,US,SCC\n'
      + 'Broken Ltd,"2 Street, City",Hosting,,US,SCC\n');
    assert.throws(() => readSeedEntries(file), /bad\.csv line 3: personal_data_types is missing/);
  });
});
