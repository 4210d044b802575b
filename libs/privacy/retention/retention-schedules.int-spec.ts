import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ScheduleNotFoundError } from '@temporalio/client';
import { loadConfig } from '@relance/config';
import { connectTemporalClient, type TemporalClientHandle } from '@relance/temporal';
import { RETENTION_JOBS, retentionScheduleId } from '@relance/temporal/contracts';
import { ensureRetentionSchedules } from './retention-schedules';

/** ensureRetentionSchedules on the dev server: creates, then finds and updates, never duplicates. */
describe('retention schedules', () => {
  let temporal: TemporalClientHandle;
  const handles = () => RETENTION_JOBS.map((job) => temporal.client.schedule.getHandle(retentionScheduleId(job)));
  const removeAll = async () => {
    for (const handle of handles()) {
      await handle.delete().catch((error: unknown) => {
        if (!(error instanceof ScheduleNotFoundError)) throw error;
      });
    }
  };
  const intervals = async () => Promise.all(handles().map(async (handle) => (await handle.describe()).spec.intervals?.map((i) => i.every)));
  const retentionIds = async () => {
    const ids: string[] = [];
    for await (const schedule of temporal.client.schedule.list()) if (schedule.scheduleId.startsWith('retention:')) ids.push(schedule.scheduleId);
    return ids.sort();
  };

  before(async () => {
    temporal = await connectTemporalClient(loadConfig());
    await removeAll();
  });
  after(async () => {
    await removeAll();
    await temporal?.close();
  });

  it('creates one schedule per job, with a fixed id and the interval given', async () => {
    await ensureRetentionSchedules(temporal.client, 3_600_000);
    assert.deepEqual(await intervals(), RETENTION_JOBS.map(() => [3_600_000]));
  });

  it('a second call (another worker, a restart) updates the interval in place and adds nothing', async () => {
    await ensureRetentionSchedules(temporal.client, 7_200_000);
    await ensureRetentionSchedules(temporal.client, 7_200_000);
    assert.deepEqual(await intervals(), RETENTION_JOBS.map(() => [7_200_000]));
    // The list is eventually consistent on the dev server: wait until it shows the four.
    const deadline = Date.now() + 10_000;
    let ids = await retentionIds();
    while (ids.length < RETENTION_JOBS.length && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      ids = await retentionIds();
    }
    assert.deepEqual(ids, RETENTION_JOBS.map(retentionScheduleId).sort());
  });
});
