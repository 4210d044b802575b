import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { loadConfig } from '@relance/config';
import { createDataSource } from '@relance/db/data-source';
import { connectTemporalClient, IMPORT_WORKFLOW, importWorkflowId, TASK_QUEUES, type ImportInput, type TemporalClientHandle } from '@relance/temporal';
import { bootstrapAccount } from '../../apps/api/src/auth/bootstrap-account';
import { importStack, uploadAndStart } from '../corpus/imports/import-corpus';
import { childProcessEnv } from '../harness/env';
import { eventually } from '../support/api-client';
import { WorkerProcess } from './worker-process';

const ROWS = 30_000;
const BATCH = 100;

/** A file whose outcome is known row by row: every 97th address is invalid, every 101st repeats one 50 rows up. */
function knownFile(): { csv: string; imported: number; refusedLines: number[] } {
  const lines = ['email,first_name'];
  const refusedLines: number[] = [];
  for (let i = 1; i <= ROWS; i++) {
    const line = i + 1;
    if (i % 97 === 0) {
      lines.push(`bad-${i},Bad`);
      refusedLines.push(line);
    } else if (i % 101 === 0 && (i - 50) % 97 !== 0) {
      lines.push(`row${i - 50}@kill.test,Repeat`);
      refusedLines.push(line);
    } else {
      lines.push(`row${i}@kill.test,R${i}`);
    }
  }
  return { csv: `${lines.join('\n')}\n`, imported: ROWS - refusedLines.length, refusedLines };
}

/**
 * A worker SIGKILLed in the middle of an import: the batch it was writing rolls back, its
 * heartbeat stops, and another worker process resumes from the last committed checkpoint.
 * Every row ends up imported or refused exactly once: no duplicate, none lost.
 */
describe('chaos: the worker process is killed mid-import', () => {
  const config = loadConfig();
  let dataSource: DataSource;
  let temporal: TemporalClientHandle;
  let worker: WorkerProcess;
  let folder: string;
  let accountId: string | undefined;

  before(async () => {
    dataSource = await createDataSource(config.database.url, { poolSize: 2 }).initialize();
    temporal = await connectTemporalClient(config);
    folder = await mkdtemp(join(tmpdir(), 'relance-import-kill-'));
    worker = new WorkerProcess(childProcessEnv({ IMPORT_BATCH_ROWS: String(BATCH) }));
  });
  after(async () => {
    await worker?.kill();
    await temporal?.close();
    await dataSource?.destroy();
    await rm(folder, { recursive: true, force: true });
    if (accountId) await rm(join(config.imports.dir, accountId), { recursive: true, force: true });
  });

  it(`${ROWS} rows survive a SIGKILL mid-import, each imported or refused exactly once`, async () => {
    const file = knownFile();
    ({ accountId } = await bootstrapAccount(dataSource, { accountName: 'Import kill', ownerEmail: `o-${Date.now()}@kill.test`, ownerName: 'O' }));
    const source = join(folder, 'big.csv');
    await writeFile(source, file.csv);
    const { jobId } = await uploadAndStart(importStack(dataSource, config), config, accountId, source, 'skip');
    assert.ok(jobId);
    const progress = async () => (await dataSource.query(`SELECT * FROM import_jobs WHERE id = $1`, [jobId]))[0];

    await worker.start();
    const input: ImportInput = { importJobId: jobId, heartbeatTimeoutMs: 2_000 };
    const handle = await temporal.client.workflow.start(IMPORT_WORKFLOW, { workflowId: importWorkflowId(jobId), taskQueue: TASK_QUEUES.imports, args: [input] });
    await eventually('a tenth of the file to be committed', async () => ((await progress()).rows_read >= ROWS / 10 ? true : undefined), 60_000);
    await worker.kill();
    const atKill = await progress();
    assert.equal(atKill.status, 'running');
    assert.ok(atKill.rows_read < ROWS, `killed mid-import (${atKill.rows_read} of ${ROWS} rows committed)`);

    await worker.start();
    await handle.result();

    const job = await progress();
    assert.deepEqual(
      { status: job.status, read: job.rows_read, imported: job.imported, skipped: job.skipped, refused: job.refused },
      { status: 'completed', read: ROWS, imported: file.imported, skipped: 0, refused: file.refusedLines.length },
    );
    const [prospects] = await dataSource.query(
      `SELECT count(*)::int AS rows, count(DISTINCT email)::int AS emails FROM prospects WHERE account_id = $1`, [accountId],
    );
    assert.deepEqual(prospects, { rows: file.imported, emails: file.imported });
    const [links] = await dataSource.query(
      `SELECT count(*)::int AS rows, count(DISTINCT prospect_id)::int AS prospects, count(DISTINCT line)::int AS lines
       FROM import_job_prospects WHERE import_job_id = $1`, [jobId],
    );
    assert.deepEqual(links, { rows: file.imported, prospects: file.imported, lines: file.imported });
    const refusals: { line: number }[] = await dataSource.query(`SELECT line FROM import_refusals WHERE import_job_id = $1 ORDER BY line`, [jobId]);
    assert.deepEqual(refusals.map((r) => r.line), file.refusedLines);

    // The second worker took over the activity: a retry, not a run from the start.
    const history = await handle.fetchHistory();
    const attempts = (history.events ?? []).flatMap((e) => (e.activityTaskStartedEventAttributes ? [e.activityTaskStartedEventAttributes.attempt ?? 1] : []));
    assert.ok(attempts.some((attempt) => attempt >= 2), `the import activity was retried (attempts ${JSON.stringify(attempts)})`);
  });
});
