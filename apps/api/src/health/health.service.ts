import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { DependencyCheckDto, HealthDto } from './dto/health.dto';
import { TemporalProbe } from './temporal-probe';

/** Long enough for a loaded server, short enough for a load balancer's probe. */
const PROBE_TIMEOUT_MS = 2_000;

/**
 * Probes the two things the API cannot work without. The Postgres probe is a bare
 * `SELECT 1` on the pool: infrastructure, not domain SQL, so it does not go through a repository.
 */
@Injectable()
export class HealthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(TemporalProbe) private readonly temporal: TemporalProbe,
  ) {}

  async check(): Promise<HealthDto> {
    const [postgres, temporal] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.temporal.ping(PROBE_TIMEOUT_MS)),
    ]);
    const ok = postgres.status === 'up' && temporal.status === 'up';
    return { status: ok ? 'ok' : 'error', checks: { postgres, temporal } };
  }
}

async function probe(call: () => Promise<unknown>): Promise<DependencyCheckDto> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${PROBE_TIMEOUT_MS} ms`)), PROBE_TIMEOUT_MS);
  });
  try {
    await Promise.race([call(), timeout]);
    return { status: 'up', latencyMs: elapsed(started) };
  } catch (error) {
    return { status: 'down', latencyMs: elapsed(started), error: (error as Error).message };
  } finally {
    clearTimeout(timer);
  }
}

function elapsed(started: number): number {
  return Math.round((performance.now() - started) * 10) / 10;
}
