import { Controller, Get, Inject, Res } from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { DataSource } from 'typeorm';

const PROBE_TIMEOUT_MS = 2_000;

/**
 * The console needs its database and nothing else to serve its screens: 200 when a bare
 * `SELECT 1` answers within the probe's time, 503 naming the problem otherwise.
 */
@Controller('health')
export class ConsoleHealthController {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  @Get()
  async get(@Res() response: ServerResponse): Promise<void> {
    const started = performance.now();
    let postgres: { status: 'up' | 'down'; latencyMs: number; error?: string };
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        this.dataSource.query('SELECT 1'),
        new Promise((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS); }),
      ]);
      postgres = { status: 'up', latencyMs: Math.round(performance.now() - started) };
    } catch (error) {
      postgres = { status: 'down', latencyMs: Math.round(performance.now() - started), error: (error as Error).message };
    } finally {
      clearTimeout(timer);
    }
    const ok = postgres.status === 'up';
    response.statusCode = ok ? 200 : 503;
    response.setHeader('content-type', 'application/json; charset=utf-8');
    response.setHeader('cache-control', 'no-store');
    response.end(JSON.stringify({ status: ok ? 'ok' : 'error', checks: { postgres } }));
  }
}
