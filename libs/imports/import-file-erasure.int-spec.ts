import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DataSource } from 'typeorm';
import { bootstrapAccount } from '../../apps/api/src/auth/bootstrap-account';
import { importStack, uploadAndStart, type Stack } from '../../tests/corpus/imports/import-corpus';
import { loadConfig, type AppConfig } from '@relance/config';
import { AuditRepository, createDataSource } from '@relance/db';
import { AuditTrail } from '@relance/privacy/audit-trail';
import { ErasureRepository } from '@relance/privacy/erasure/erasure.repository';
import { ErasureService } from '@relance/privacy/erasure/erasure.service';
import { readCsv } from './csv-records';
import { ImportFileErasure } from './import-file-erasure';

const SYSTEM = { kind: 'system', id: null } as const;

/** Windows-1252, a quoted cell over three lines, blank lines, and the person to erase twice (once refused as a repeat). */
const FILE = Buffer.from(
  'email;first_name;notes\n' +
  'keep1@erase-file.test;Keep;"one\ntwo\nthree"\n' +
  '\n' +
  'Zoé.Target@Erase-File.test;Zoé;target\n' +
  'bad-address;Bad;x\n' +
  'zoé.target@erase-file.test;Again;repeat\n' +
  'keep2@erase-file.test;Hélène;kept\n',
  'latin1',
);

/** A prospect's erasure on real PostgreSQL rewrites the account's stored uploads without them, every other row where it was. */
describe('erasure in stored CSV uploads (real PostgreSQL)', () => {
  let dataSource: DataSource;
  let config: AppConfig;
  let stack: Stack;
  let folder: string;

  before(async () => {
    folder = await mkdtemp(join(tmpdir(), 'relance-import-erasure-'));
    const base = loadConfig();
    config = { ...base, imports: { ...base.imports, dir: folder } };
    dataSource = await createDataSource(config.database.url, { poolSize: 2 }).initialize();
    stack = importStack(dataSource, config);
  });
  after(async () => {
    await dataSource?.destroy();
    await rm(folder, { recursive: true, force: true });
  });

  const records = async (path: string) => {
    const found: [number, string[]][] = [];
    for await (const item of readCsv(path, { encoding: 'utf-8', delimiter: ';' })) if (item.kind === 'record') found.push([item.line, item.fields]);
    return found;
  };

  it('removes the person\'s rows and refusals from every file of the account; the other rows keep their lines', async () => {
    const { accountId } = await bootstrapAccount(dataSource, { accountName: 'Erase file', ownerEmail: `o-${Date.now()}@erase-file.test`, ownerName: 'O' });
    const source = join(folder, 'source.csv');
    await writeFile(source, FILE);
    const { jobId } = await uploadAndStart(stack, config, accountId, source, 'skip');
    await stack.runner.run(jobId!, () => undefined);
    const [target] = await dataSource.query(`SELECT id FROM prospects WHERE account_id = $1 AND email = 'zoé.target@erase-file.test'`, [accountId]);
    const refusalsBefore = await dataSource.query(`SELECT line FROM import_refusals WHERE import_job_id = $1 ORDER BY line`, [jobId]);
    assert.deepEqual(refusalsBefore.map((r: { line: number }) => r.line), [7, 8]);

    const erasure = new ErasureService(config, new ErasureRepository(dataSource), new AuditTrail(new AuditRepository(dataSource)),
      new ImportFileErasure(stack.jobs, stack.files));
    await erasure.eraseSubject({ kind: 'prospect', accountId, prospectId: target.id }, randomUUID(), SYSTEM);

    const [job] = await dataSource.query(`SELECT file_path, encoding FROM import_jobs WHERE id = $1`, [jobId]);
    assert.equal(job.encoding, 'utf-8');
    const path = stack.files.absolutePath(job.file_path);
    const text = await readFile(path, 'utf8');
    assert.ok(!text.toLowerCase().includes('target'), 'no trace of the person in the file');
    assert.deepEqual(await records(path), [
      [1, ['email', 'first_name', 'notes']],
      [2, ['keep1@erase-file.test', 'Keep', 'one\ntwo\nthree']],
      [6, ['']],
      [7, ['bad-address', 'Bad', 'x']],
      [8, ['']],
      [9, ['keep2@erase-file.test', 'Hélène', 'kept']],
    ]);
    const refusalsAfter = await dataSource.query(`SELECT line FROM import_refusals WHERE import_job_id = $1 ORDER BY line`, [jobId]);
    assert.deepEqual(refusalsAfter.map((r: { line: number }) => r.line), [7], 'the refusal naming the person went with them');
  });
});
