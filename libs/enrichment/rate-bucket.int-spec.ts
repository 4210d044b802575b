import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import type { DataSource } from 'typeorm';
import { createDataSource } from '@relance/db';
import { testEnv } from '../../tests/harness/env';
import { RateBucketRepository } from './rate-bucket.repository';

/**
 * The shared token bucket under two consumers, each with its own connection pool (as two worker
 * processes have): together they never take more than capacity + rate × t in any span t.
 */
describe('provider rate limit across consumers', () => {
  let first: DataSource;
  let second: DataSource;

  before(async () => {
    first = await createDataSource(testEnv().databaseUrl, { poolSize: 3 }).initialize();
    second = await createDataSource(testEnv().databaseUrl, { poolSize: 3 }).initialize();
  });

  after(async () => {
    await first?.destroy();
    await second?.destroy();
  });

  it('two consumers taking as fast as they can stay within the limit between them', async () => {
    const bucket = `test:${randomUUID()}`;
    const shape = { capacity: 4, refillPerSecond: 20 };
    const grants: number[] = [];
    const runFor = 1500;
    const start = Date.now();
    const consume = async (repository: RateBucketRepository) => {
      while (Date.now() - start < runFor) {
        const wait = await repository.take(bucket, shape);
        if (wait === 0) grants.push(Date.now());
        else await new Promise((resolve) => setTimeout(resolve, Math.min(wait, 20)));
      }
    };
    // Three takers per pool, two pools: six concurrent UPDATEs on one row.
    const consumers = [first, second].flatMap((db) => [1, 2, 3].map(() => consume(new RateBucketRepository(db))));
    await Promise.all(consumers);
    const elapsedSeconds = (Date.now() - start) / 1000;
    const allowed = shape.capacity + shape.refillPerSecond * elapsedSeconds;
    assert.ok(grants.length <= Math.floor(allowed), `${grants.length} taken in ${elapsedSeconds}s, at most ${allowed} allowed`);
    assert.ok(grants.length >= shape.refillPerSecond * (runFor / 1000) * 0.7, `the bucket was used, not starved (${grants.length})`);
    // Every 500 ms window too (measured on this clock, with 50 ms of slack for the database's).
    grants.sort((a, b) => a - b);
    for (let i = 0; i < grants.length; i++) {
      const inWindow = grants.filter((at) => at >= grants[i] && at < grants[i] + 500).length;
      assert.ok(inWindow <= shape.capacity + shape.refillPerSecond * 0.55, `${inWindow} grants in 500 ms from the ${i}th`);
    }
  });

  it('a drained bucket says how long until the next token', async () => {
    const repository = new RateBucketRepository(first);
    const bucket = `test:${randomUUID()}`;
    const shape = { capacity: 2, refillPerSecond: 1 };
    assert.equal(await repository.take(bucket, shape), 0);
    assert.equal(await repository.take(bucket, shape), 0);
    const wait = await repository.take(bucket, shape);
    assert.ok(wait > 500 && wait <= 1000, `about a second: ${wait} ms`);
  });
});
