import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createLogger, WorkerMetrics } from '@relance/observability';
import type { WorkerHealth } from './relance-worker';
import { startWorkerHttpServer, type WorkerHttpServer } from './worker-http-server';

const TOKEN = 'worker-metrics-token-0123';
const down = { status: 'down' as const, latencyMs: 2000, error: 'no answer within 2000 ms' };
const up = { status: 'up' as const, latencyMs: 1 };

/** The worker's HTTP routes over a real socket, with an exporter that answers like the SDK's. */
describe('worker HTTP server', () => {
  let health: WorkerHealth;
  let exporter: Server;
  let server: WorkerHttpServer;
  let open: WorkerHttpServer;

  before(async () => {
    exporter = createServer((_request, response) => response.end('# TYPE temporal_request counter\ntemporal_request{task_queue="sequences"} 3\n'));
    await new Promise<void>((resolve) => exporter.listen(0, '127.0.0.1', resolve));
    const metrics = new WorkerMetrics();
    metrics.sendResult({ outcome: 'sent' });
    const worker = { metrics, health: async () => health };
    const logger = createLogger({ level: 'silent', service: 'spec' });
    const sdkMetricsAddress = `127.0.0.1:${(exporter.address() as AddressInfo).port}`;
    server = await startWorkerHttpServer({ host: '127.0.0.1', port: 0, metricsToken: TOKEN, worker, sdkMetricsAddress, logger });
    // An exporter that is down: a port that was free a moment ago, closed again.
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const gonePort = (gone.address() as AddressInfo).port;
    await new Promise((resolve) => gone.close(resolve));
    open = await startWorkerHttpServer({ host: '127.0.0.1', port: 0, metricsToken: null, worker, sdkMetricsAddress: `127.0.0.1:${gonePort}`, logger });
  });
  after(async () => {
    await server?.close();
    await open?.close();
    exporter?.close();
  });

  it('serves Relance lines and the exporter lines to the bearer of the token, 401 to anyone else', async () => {
    assert.equal((await fetch(`${server.url}/metrics`)).status, 401);
    assert.equal((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer wrong-token-000000000' } })).status, 401);
    const answer = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    const text = await answer.text();
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /^text\/plain; version=0\.0\.4/);
    assert.match(text, /^relance_sends_total\{outcome="sent"\} 1$/m);
    assert.match(text, /^temporal_request\{task_queue="sequences"\} 3$/m);
  });

  it('still answers when the SDK exporter does not, saying so in a comment', async () => {
    const text = await (await fetch(`${open.url}/metrics`)).text();
    assert.match(text, /^relance_sends_total\{outcome="sent"\} 1$/m);
    assert.match(text, /^# Temporal SDK metrics unavailable: /m);
  });

  it('/health: 200 when all is up, 503 naming what is down; never asks for the token', async () => {
    health = { status: 'ok', checks: { postgres: up, temporal: up, workers: { status: 'up', states: { sequences: 'RUNNING' } } } };
    assert.equal((await fetch(`${server.url}/health`)).status, 200);
    health = { status: 'error', checks: { postgres: up, temporal: down, workers: { status: 'up', states: { sequences: 'RUNNING' } } } };
    const answer = await fetch(`${server.url}/health`);
    assert.equal(answer.status, 503);
    assert.equal(((await answer.json()) as WorkerHealth).checks.temporal.error, 'no answer within 2000 ms');
  });

  it('404 elsewhere, 405 for other methods', async () => {
    assert.equal((await fetch(`${server.url}/`)).status, 404);
    const post = await fetch(`${server.url}/health`, { method: 'POST' });
    assert.equal(post.status, 405);
    assert.equal(post.headers.get('allow'), 'GET, HEAD');
  });
});
