import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parse } from 'csv-parse/sync';
import { loadConfig } from '@relance/config';
import { childProcessEnv } from '../../harness/env';
import { WorkerProcess } from '../../chaos/worker-process';
import { eventually } from '../../support/api-client';
import { TestAccount, TestApi } from '../../support/test-api';

const MAX_BYTES = 4_096;
const FRENCH = 'Courriel;Prénom;Nom;Société;Secteur;Notes\n' +
  'ada@imports.test;Ada;Lovelace;Analytical;Calcul;=1+1\n' +
  'pas-une-adresse;Bob;B;Co;X;\n' +
  'grace@imports.test;Grace;Hopper;Navy;Marine;ok\n';

/** The CSV import routes end to end: upload, suggested mapping, start, progress, report, list; limits and tenants. */
describe('imports API', () => {
  let api: TestApi;
  let account: TestAccount;
  let other: TestAccount;
  let worker: WorkerProcess;

  before(async () => {
    api = await TestApi.start((config) => ({ ...config, imports: { ...config.imports, maxFileBytes: MAX_BYTES } }));
    account = await api.newAccount('imports');
    other = await api.newAccount('imports-other');
    worker = new WorkerProcess(childProcessEnv({}));
    await worker.start();
  });
  after(async () => {
    await worker?.stop();
    await api?.close();
    for (const a of [account, other]) if (a) await rm(resolve(loadConfig().imports.dir, a.accountId), { recursive: true, force: true });
  });

  async function upload(key: string | undefined, content: string | Buffer, name = 'prospects.csv') {
    const form = new FormData();
    form.append('file', new Blob([content]), name);
    const response = await fetch(`${api.baseUrl}/v1/imports`, {
      method: 'POST', body: form, headers: key ? { authorization: `Bearer ${key}` } : {},
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  it('needs an API key on every route', async () => {
    const id = randomUUID();
    for (const [method, path] of [['GET', '/v1/imports'], ['GET', `/v1/imports/${id}`], ['POST', `/v1/imports/${id}/start`],
      ['GET', `/v1/imports/${id}/progress`], ['GET', `/v1/imports/${id}/report.csv`]]) {
      const res = await api.request(method, path, { body: method === 'POST' ? {} : undefined });
      assert.equal(res.status, 401, `${method} ${path}`);
    }
    assert.equal((await upload(undefined, FRENCH)).status, 401);
  });

  it('uploads, suggests a mapping from French headers, imports with the confirmed one and reports the refused row', async () => {
    const uploaded = await upload(account.apiKey, FRENCH, 'salon.csv');
    assert.equal(uploaded.status, 201, JSON.stringify(uploaded.body));
    assert.deepEqual(
      { ...uploaded.body, id: undefined, createdAt: undefined },
      {
        id: undefined, createdAt: undefined, fileName: 'salon.csv', sizeBytes: Buffer.byteLength(FRENCH), encoding: 'utf-8', delimiter: ';',
        headers: ['Courriel', 'Prénom', 'Nom', 'Société', 'Secteur', 'Notes'],
        mapping: [
          { kind: 'field', field: 'email' }, { kind: 'field', field: 'firstName' }, { kind: 'field', field: 'lastName' },
          { kind: 'field', field: 'company' }, { kind: 'custom', key: 'secteur' }, { kind: 'custom', key: 'notes' },
        ],
        onExisting: 'skip', error: null, startedAt: null, completedAt: null,
        progress: { status: 'awaiting_mapping', totalRows: 3, rowsRead: 0, imported: 0, updated: 0, skipped: 0, refused: 0 },
      },
    );
    const id = uploaded.body.id;
    const badMapping = await account.call('POST', `/v1/imports/${id}/start`, { mapping: [{ kind: 'ignore' }] });
    assert.equal(badMapping.status, 400);
    assert.equal(badMapping.body.error.message, 'the mapping has 1 entries but the file has 6 columns');

    const mapping = [...uploaded.body.mapping.slice(0, 4), { kind: 'custom', key: 'industry' }, { kind: 'ignore' }];
    const started = await account.call('POST', `/v1/imports/${id}/start`, { mapping, onExisting: 'update' });
    assert.equal(started.status, 202, started.text);
    assert.equal(started.body.progress.status, 'running');
    assert.equal((await account.call('POST', `/v1/imports/${id}/start`, {})).status, 409);

    const done = await eventually('the import to complete', async () => {
      const progress = await account.call('GET', `/v1/imports/${id}/progress`);
      return progress.body.status === 'completed' ? progress.body : undefined;
    }, 60_000);
    assert.deepEqual(done, { status: 'completed', totalRows: 3, rowsRead: 3, imported: 2, updated: 0, skipped: 0, refused: 1 });
    const [ada] = await api.dataSource.query(
      `SELECT first_name, company, custom_fields FROM prospects WHERE account_id = $1 AND email = 'ada@imports.test'`, [account.accountId],
    );
    assert.deepEqual(ada, { first_name: 'Ada', company: 'Analytical', custom_fields: { industry: 'Calcul' } });

    const report = await account.call('GET', `/v1/imports/${id}/report.csv`);
    assert.equal(report.status, 200);
    assert.match(report.headers.get('content-type') ?? '', /^text\/csv/);
    assert.deepEqual(parse(report.text), [['line', 'column', 'reason', 'value'], ['3', 'Courriel', 'is not a valid email address', 'pas-une-adresse']]);

    const job = await account.call('GET', `/v1/imports/${id}`);
    assert.deepEqual(job.body.mapping, mapping);
    assert.ok(job.body.completedAt);
  });

  it('lists imports newest first with a cursor', async () => {
    const second = await upload(account.apiKey, 'email\nlist@imports.test\n');
    assert.equal(second.status, 201);
    const first = await account.call('GET', '/v1/imports?limit=1');
    assert.equal(first.status, 200);
    assert.deepEqual(first.body.data.map((job: { id: string }) => job.id), [second.body.id]);
    assert.ok(first.body.nextCursor);
    const next = await account.call('GET', `/v1/imports?limit=1&after=${first.body.nextCursor}`);
    assert.equal(next.body.data.length, 1);
    assert.notEqual(next.body.data[0].id, second.body.id);
    assert.equal((await account.call('GET', `/v1/imports?after=${randomUUID()}`)).status, 400);
  });

  it('refuses a file over the size limit (413) and a file that cannot be imported (422), naming why', async () => {
    const big = await upload(account.apiKey, `email\n${'a@imports.test\n'.repeat(400)}`);
    assert.equal(big.status, 413);
    assert.equal(big.body.error.code, 'file_too_large');
    assert.equal(big.body.error.message, `the file is larger than ${MAX_BYTES} bytes (IMPORT_MAX_FILE_BYTES)`);
    const empty = await upload(account.apiKey, '');
    assert.equal(empty.status, 422);
    assert.deepEqual([empty.body.error.code, empty.body.error.message], ['invalid_csv', 'the file is empty (0 bytes)']);
    const noFile = await fetch(`${api.baseUrl}/v1/imports`, {
      method: 'POST', headers: { authorization: `Bearer ${account.apiKey}`, 'content-type': 'application/json' }, body: '{}',
    });
    assert.equal(noFile.status, 400);
  });

  it('hides one account\'s imports from another (404)', async () => {
    const mine = await upload(account.apiKey, 'email\nmine@imports.test\n');
    const id = mine.body.id;
    for (const [method, path] of [['GET', `/v1/imports/${id}`], ['GET', `/v1/imports/${id}/progress`],
      ['GET', `/v1/imports/${id}/report.csv`], ['POST', `/v1/imports/${id}/start`]]) {
      const res = await other.call(method, path, method === 'POST' ? {} : undefined);
      assert.equal(res.status, 404, `${method} ${path}`);
    }
    const listed = await other.call('GET', '/v1/imports');
    assert.deepEqual(listed.body.data, []);
  });
});
