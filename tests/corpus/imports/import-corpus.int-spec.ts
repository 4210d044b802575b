import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { DataSource } from 'typeorm';
import { loadConfig, type AppConfig } from '@relance/config';
import { createDataSource } from '@relance/db/data-source';
import { refusalReport } from '@relance/imports';
import { hashEmail } from '@relance/privacy/suppression-keys';
import { bootstrapAccount } from '../../../apps/api/src/auth/bootstrap-account';
import { EXPECTATIONS, type ImportedOutcome } from './expectations';
import { CORPUS_DIR, importStack, uploadAndStart, type Stack } from './import-corpus';

/**
 * Every file of the bad-input corpus, uploaded and imported on real PostgreSQL, with its exact
 * outcome: the file-level error, or the counts, each refused cell with its line, column, reason
 * and value, and the prospects as stored. Good rows are never lost: every row is accounted for.
 */
describe('CSV import corpus (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let config: AppConfig;
  let stack: Stack;
  let folder: string;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'relance-import-corpus-'));
    const base = loadConfig();
    config = { ...base, imports: { ...base.imports, dir: folder, maxRows: 50, maxColumns: 20, batchRows: 2 } };
    dataSource = await createDataSource(config.database.url, { poolSize: 2 }).initialize();
    stack = importStack(dataSource, config);
  });

  after(async () => {
    await dataSource?.destroy();
    await rm(folder, { recursive: true, force: true });
  });

  it('has at least 30 files, each with its expected outcome', async () => {
    const files = (await readdir(CORPUS_DIR)).filter((name) => !name.startsWith('.')).sort();
    assert.ok(files.length >= 30, `${files.length} files`);
    assert.deepEqual(files, Object.keys(EXPECTATIONS).sort());
  });

  for (const [file, expected] of Object.entries(EXPECTATIONS)) {
    it(file, async () => {
      const accountId = await accountFor(file);
      const outcome = await uploadAndStart(stack, config, accountId, join(CORPUS_DIR, file), expected.kind === 'imported' ? expected.onExisting ?? 'skip' : 'skip');
      if (expected.kind === 'file_error') {
        assert.deepEqual(outcome.analysis, { ok: false, code: expected.code, message: expected.message });
        return;
      }
      if (expected.kind === 'mapping_error') {
        assert.equal(outcome.mappingProblem, expected.message);
        return;
      }
      assert.ok(outcome.jobId, `${file} was refused: ${JSON.stringify(outcome)}`);
      await stack.runner.run(outcome.jobId, () => undefined);
      await assertOutcome(accountId, outcome.jobId, expected);
    });
  }

  it('escapes formula cells in the downloadable report', async () => {
    const accountId = await accountFor('report');
    const { jobId } = await uploadAndStart(stack, config, accountId, join(CORPUS_DIR, '20-formula-injection.csv'), 'skip');
    await stack.runner.run(jobId!, () => undefined);
    let text = '';
    for await (const chunk of refusalReport(stack.jobs, jobId!)) text += chunk;
    assert.deepEqual(parse(text), [
      ['line', 'column', 'reason', 'value'],
      ['3', 'email', 'is not a valid email address', '\'=HYPERLINK("http://evil.test","x")'],
    ]);
  });

  /** A fresh account per file (the suite may run twice at once on one database), with what its file needs already there. */
  async function accountFor(file: string): Promise<string> {
    const { accountId } = await bootstrapAccount(dataSource, { accountName: `Corpus ${file}`, ownerEmail: `o-${Date.now()}-${Math.random()}@corpus.test`, ownerName: 'O' });
    if (file.startsWith('25-') || file.startsWith('26-')) {
      await dataSource.query(
        `INSERT INTO prospects (account_id, email, first_name, company, custom_fields) VALUES ($1, 'existing@corpus.test', 'Olga', 'Old Co', '{"size":"10"}')`,
        [accountId],
      );
    }
    if (file.startsWith('27-')) {
      await dataSource.query(
        `INSERT INTO suppressions (account_id, kind, email_hash, reason) VALUES ($1, 'email', $2, 'unsubscribed')`,
        [accountId, hashEmail(config.suppression.hashKey, 'unsubscribed@corpus.test')],
      );
      await dataSource.query(`INSERT INTO suppressions (account_id, kind, domain, reason) VALUES ($1, 'domain', 'blocked.test', 'manual')`, [accountId]);
    }
    return accountId;
  }

  async function assertOutcome(accountId: string, jobId: string, expected: ImportedOutcome) {
    const [job] = await dataSource.query(`SELECT * FROM import_jobs WHERE id = $1`, [jobId]);
    const counts = { status: 'completed', total: expected.totalRows, read: expected.totalRows, imported: expected.imported,
      updated: expected.updated ?? 0, skipped: expected.skipped ?? 0, refused: new Set(expected.refusals.map(([line]) => line)).size };
    assert.deepEqual(
      { status: job.status, total: job.total_rows, read: job.rows_read, imported: job.imported, updated: job.updated, skipped: job.skipped, refused: job.refused },
      counts,
    );
    assert.equal(counts.imported + counts.updated + counts.skipped + counts.refused, counts.total, 'every row is accounted for');
    const refusals = await dataSource.query(
      `SELECT line, column_name, reason, value FROM import_refusals WHERE import_job_id = $1 ORDER BY line, column_name`, [jobId],
    );
    assert.deepEqual(refusals.map((r: Record<string, unknown>) => [r.line, r.column_name, r.reason, r.value]), expected.refusals);
    const [{ count }] = await dataSource.query(
      `SELECT count(*)::int AS count FROM import_job_prospects WHERE import_job_id = $1 AND outcome = 'created'`, [jobId],
    );
    assert.equal(count, expected.imported);
    for (const [email, fields] of Object.entries(expected.prospects ?? {})) {
      const [prospect] = await dataSource.query(`SELECT * FROM prospects WHERE account_id = $1 AND email = $2`, [accountId, email]);
      assert.ok(prospect, `${email} was imported`);
      for (const [field, value] of Object.entries(fields)) assert.deepEqual(prospect[field], value, `${email}: ${field}`);
    }
  }
});
