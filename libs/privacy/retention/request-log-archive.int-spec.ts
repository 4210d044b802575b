import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@relance/db';
import { testEnv } from '../../../tests/harness/env';
import { LogArchives } from './log-archives';
import { RequestLogRepository } from './request-log.repository';

/** Moving request logs into archives loses nothing when the archive cannot be written; erasure reaches into them. */
describe('request log archiving', () => {
  let db: DataSource;
  let dir: string;
  const marker = randomUUID();

  before(async () => {
    db = await createDataSource(testEnv().databaseUrl, { poolSize: 2 }).initialize();
    dir = await mkdtemp(join(tmpdir(), 'relance-archive-'));
  });
  after(async () => {
    await db?.query(`DELETE FROM request_logs WHERE account_id = $1`, [marker]);
    await db?.destroy();
    await rm(dir, { recursive: true, force: true });
  });

  it('keeps every row when writing the archive fails, and moves them once it can', async () => {
    const logs = new RequestLogRepository(db);
    await logs.insertMany([1, 2, 3].map((n) => ({
      occurredAt: new Date(Date.UTC(2001, 0, n)), method: 'GET', route: '/v1/campaigns', status: 200, durationMs: n,
      accountId: marker, userId: null, apiKeyId: null, staffUserId: null, ip: '192.0.2.0', country: null, browser: 'curl',
    })));
    const count = async () => (await db.query(`SELECT count(*)::int AS n FROM request_logs WHERE account_id = $1`, [marker]))[0].n;
    assert.equal(await count(), 3);

    // A file where the archive directory should be: mkdir fails, so does the move.
    const blocked = join(dir, 'not-a-directory');
    await writeFile(blocked, 'x');
    const cutoff = new Date(Date.UTC(2001, 0, 10));
    // Rows this old are this test's only: the filter keeps the assertion about its own rows.
    const mine = <T extends { accountId: string | null }>(rows: T[]) => rows.filter((row) => row.accountId === marker);
    await assert.rejects(logs.moveOldest(cutoff, 1_000, async (rows) => {
      await new LogArchives(join(blocked, 'archives')).write(mine(rows));
    }));
    assert.equal(await count(), 3, 'nothing deleted');

    const archives = new LogArchives(join(dir, 'archives'));
    let written = 0;
    await logs.moveOldest(cutoff, 1_000, async (rows) => {
      written += (await archives.write(mine(rows))).length;
    });
    assert.equal(await count(), 0);
    assert.equal(written, 3, 'one archive per day');
    assert.deepEqual((await archives.list()).map((file) => file.day).sort(), ['2001-01-01', '2001-01-02', '2001-01-03']);
  });

  it('erases the rows a rep or an account left in the archives, rewriting or deleting each file, nothing else', async () => {
    const archives = new LogArchives(join(dir, 'erasure'));
    const [erased, stays] = [randomUUID(), randomUUID()];
    const row = (day: number, userId: string) => ({
      id: randomUUID(), occurredAt: new Date(Date.UTC(2002, 0, day, 12)), method: 'GET', route: '/v1/prospects', status: 200, durationMs: 1,
      accountId: marker, userId, apiKeyId: null, staffUserId: null, ip: '198.51.100.0', country: 'FR', browser: 'Firefox',
    });
    // Day 1 mixes both reps; day 2 is the erased rep's alone.
    await archives.write([row(1, erased), row(1, stays), row(1, erased), row(2, erased)]);
    const read = async () => {
      const rows: { day: string; userId: string }[] = [];
      for (const file of await archives.list()) {
        for (const line of gunzipSync(await readFile(file.path)).toString('utf8').trim().split('\n')) {
          rows.push({ day: file.day, userId: JSON.parse(line).userId });
        }
      }
      return rows;
    };
    assert.equal((await read()).length, 4);
    assert.equal(await archives.eraseRows((r) => r.userId === erased), 3);
    assert.deepEqual(await read(), [{ day: '2002-01-01', userId: stays }]);
    assert.deepEqual((await archives.list()).map((file) => file.day), ['2002-01-01'], 'the emptied day\'s file is gone');
    assert.equal(await archives.eraseRows((r) => r.userId === erased), 0, 'a second run finds nothing');
  });
});
