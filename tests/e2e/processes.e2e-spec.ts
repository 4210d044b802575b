import assert from 'node:assert/strict';
import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { createDatabase, dropDatabase, getFreePort } from '@relance/devservices';
import { testEnv } from '../harness/env';

const root = resolve(__dirname, '..', '..', '..');

/** Runs a compiled entry point, collecting its output, and resolves when `ready` shows in it. */
function run(script: string, env: NodeJS.ProcessEnv, ready: RegExp, timeoutMs = 60_000) {
  const child = spawn(process.execPath, [join(root, script)], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const started = new Promise<void>((resolvePromise, reject) => {
    const timer = setTimeout(() => reject(new Error(`not ready after ${timeoutMs} ms:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (ready.test(output)) {
        clearTimeout(timer);
        resolvePromise();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ready:\n${output}`)));
  });
  return { child, started, output: () => output };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolvePromise) => child.once('exit', (code) => resolvePromise(code)));
}

describe('processes', () => {
  it('the worker serves /health and /metrics on its own port, drains and exits 0 on SIGTERM', async () => {
    const worker = run('dist/apps/worker/src/main.js', { LOG_LEVEL: 'info', WORKER_HTTP_PORT: '0' }, /worker started/);
    await worker.started;
    const started = JSON.parse(worker.output().split('\n').find((line) => line.includes('worker started'))!);
    const health = await fetch(started.health);
    assert.equal(health.status, 200, await health.clone().text());
    assert.equal(((await health.json()) as { status: string }).status, 'ok');
    const metrics = await (await fetch(started.metrics)).text();
    assert.match(metrics, /^# TYPE relance_sends_total counter$/m);
    assert.match(metrics, /^temporal_[a-z_]+\{[^}]*task_queue="mail-sync"/m, 'the SDK exporter, bridged');
    const exited = exitOf(worker.child);
    worker.child.kill('SIGTERM');
    assert.equal(await exited, 0, worker.output());
    assert.match(worker.output(), /worker stopped/);
  });

  it('the API refuses to start on a bad variable, naming it', async () => {
    const api = run('dist/apps/api/src/main.js', { TEMPORAL_ADDRESS: 'no-port-here' }, /$^/);
    const code = await exitOf(api.child);
    await api.started.catch(() => undefined);
    assert.equal(code, 1);
    assert.match(api.output(), /TEMPORAL_ADDRESS must be host:port/);
  });

  it('npm start: migrates, serves, prints where to click, and stops on Ctrl-C', async () => {
    const { adminDatabaseUrl, temporalAddress } = testEnv();
    const name = `relance_launcher_${process.pid}`;
    const databaseUrl = await createDatabase(adminDatabaseUrl, name);
    const dataDir = mkdtempSync(join(tmpdir(), 'relance-launcher-'));
    try {
      const port = await getFreePort();
      const launcher = run(
        'dist/scripts/start.js',
        {
          DATABASE_URL: databaseUrl, TEMPORAL_ADDRESS: temporalAddress, API_PORT: String(port), RELANCE_DATA_DIR: dataDir,
          // Free ports, not the launcher's preferred 3100 and 3001: CI runs two suites side by side.
          CONSOLE_PORT: String(await getFreePort()), WORKER_HTTP_PORT: String(await getFreePort()),
        },
        /Ctrl-C stops everything/,
      );
      await launcher.started;
      const key = /Demo API key (\S+)/.exec(launcher.output())?.[1];
      assert.ok(key, launcher.output());
      assert.match(launcher.output(), new RegExp(`http://127.0.0.1:${port}/docs`));
      const workerMetrics = /worker: (http:\/\/127\.0\.0\.1:\d+\/metrics)/.exec(launcher.output())?.[1];
      assert.ok(workerMetrics, launcher.output());
      assert.equal((await fetch(workerMetrics)).status, 200);
      assert.equal((await fetch(`http://127.0.0.1:${port}/metrics`)).status, 200);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      assert.equal(health.status, 200);
      const campaigns = await fetch(`http://127.0.0.1:${port}/v1/campaigns`, { headers: { authorization: `Bearer ${key}` } });
      assert.equal(campaigns.status, 200);
      const exited = exitOf(launcher.child);
      launcher.child.kill('SIGINT');
      assert.equal(await exited, 0, launcher.output());
      const after = await fetch(`http://127.0.0.1:${port}/health`).catch(() => null);
      assert.equal(after, null, 'the API stopped with the launcher');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      await dropDatabase(adminDatabaseUrl, name);
    }
  });
});
