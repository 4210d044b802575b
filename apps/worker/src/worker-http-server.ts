import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { metricsCallAllowed, type Logger } from '@relance/observability';
import type { RelanceWorker } from './relance-worker';

export interface WorkerHttpServerOptions {
  readonly host: string;
  /** 0 picks a free port (tests). */
  readonly port: number;
  /** Bearer token /metrics demands (METRICS_TOKEN); null: none. /health never asks for one. */
  readonly metricsToken: string | null;
  readonly worker: Pick<RelanceWorker, 'metrics' | 'health'>;
  /** host:port of the Temporal SDK's Prometheus exporter, whose lines /metrics appends. */
  readonly sdkMetricsAddress?: string;
  readonly logger: Logger;
}

export interface WorkerHttpServer {
  /** http://host:port */
  readonly url: string;
  close(): Promise<void>;
}

/** How long /metrics waits for the SDK's exporter before serving Relance's lines without it. */
const SDK_SCRAPE_TIMEOUT_MS = 2_000;

/**
 * The worker's two HTTP routes, for Prometheus and for an orchestrator's probes: /metrics
 * (Relance's counters, the process's, and the Temporal SDK's, in one scrape) and /health
 * (database, Temporal, pollers). A bare node:http server: the worker has no Nest HTTP layer,
 * and two read-only routes do not need one.
 */
export async function startWorkerHttpServer(options: WorkerHttpServerOptions): Promise<WorkerHttpServer> {
  const server: Server = createServer((request, response) => {
    serve(request, response, options).catch((error: Error) => {
      options.logger.error({ err: error, route: request.url }, 'worker HTTP route failed');
      if (!response.headersSent) send(response, 500, 'application/json', JSON.stringify({ error: 'internal_error' }));
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(options.port, options.host, resolve));
  const { port } = server.address() as AddressInfo;
  const host = options.host.includes(':') ? `[${options.host}]` : options.host;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    }),
  };
}

async function serve(request: IncomingMessage, response: ServerResponse, options: WorkerHttpServerOptions): Promise<void> {
  const path = new URL(request.url ?? '/', 'http://worker').pathname;
  if (path !== '/metrics' && path !== '/health') {
    return send(response, 404, 'application/json', JSON.stringify({ error: 'not_found', message: 'The worker serves /metrics and /health' }));
  }
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.setHeader('allow', 'GET, HEAD');
    return send(response, 405, 'application/json', JSON.stringify({ error: 'method_not_allowed', message: `${path} answers GET` }));
  }
  if (path === '/health') {
    const health = await options.worker.health();
    return send(response, health.status === 'ok' ? 200 : 503, 'application/json; charset=utf-8', JSON.stringify(health));
  }
  if (!metricsCallAllowed(options.metricsToken, request.headers.authorization)) {
    response.setHeader('www-authenticate', 'Bearer');
    return send(response, 401, 'application/json', JSON.stringify({ error: 'unauthorized', message: 'Send Authorization: Bearer <METRICS_TOKEN>' }));
  }
  const { registry } = options.worker.metrics;
  const own = await registry.metrics();
  const sdk = options.sdkMetricsAddress ? await scrapeSdk(options.sdkMetricsAddress) : '';
  send(response, 200, registry.contentType, `${own}\n${sdk}`);
}

/** The SDK exporter's text; when it does not answer, a comment saying so (the scrape still succeeds). */
async function scrapeSdk(address: string): Promise<string> {
  try {
    const answer = await fetch(`http://${address}/metrics`, { signal: AbortSignal.timeout(SDK_SCRAPE_TIMEOUT_MS) });
    if (!answer.ok) return `# Temporal SDK metrics unavailable: HTTP ${answer.status}\n`;
    return await answer.text();
  } catch (error) {
    return `# Temporal SDK metrics unavailable: ${(error as Error).message}\n`;
  }
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.statusCode = status;
  response.setHeader('content-type', contentType);
  response.setHeader('cache-control', 'no-store');
  response.end(body);
}
