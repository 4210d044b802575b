import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { INestApplication } from '@nestjs/common';
import { loadConfig } from '@relance/config';
import { locateTemporalCli, startTemporalDevServer, type TemporalDevServer } from '@relance/devservices';
import { createApiApp } from '../../../apps/api/src/app.factory';

/** The 503 path of /health, against a Temporal server of its own that the test stops. */
describe('/health when Temporal goes down', () => {
  let dir: string;
  let temporal: TemporalDevServer | undefined;
  let app: INestApplication;
  let baseUrl: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'relance-health-'));
    const cli = await locateTemporalCli({ projectRoot: process.cwd() });
    temporal = await startTemporalDevServer({ cli, ui: false, logFile: join(dir, 'temporal.log') });
    const config = loadConfig();
    app = await createApiApp({ ...config, temporal: { ...config.temporal, address: temporal.address } });
    await app.listen(0, '127.0.0.1');
    baseUrl = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  });
  after(async () => {
    await app?.close();
    await temporal?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 200 while both are up, then 503 naming Temporal as down', async () => {
    assert.equal((await fetch(`${baseUrl}/health`)).status, 200);
    await temporal!.stop();
    temporal = undefined;
    const res = await fetch(`${baseUrl}/health`);
    assert.equal(res.status, 503);
    const body = (await res.json()) as any;
    assert.equal(body.status, 'error');
    assert.equal(body.checks.postgres.status, 'up');
    assert.equal(body.checks.temporal.status, 'down');
    assert.equal(typeof body.checks.temporal.error, 'string');
    assert.ok(body.checks.temporal.latencyMs < 5_000);
  });
});
