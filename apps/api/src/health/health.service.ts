import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { VAULT_DATA_SOURCE } from '@relance/db/repositories/mailbox-secret.repository';
import { probe, PROBE_TIMEOUT_MS } from '@relance/observability';
import type { HealthDto } from './dto/health.dto';
import { TemporalProbe } from './temporal-probe';

/**
 * Probes what the API cannot work without: PostgreSQL, the vault's database (no mailbox can be
 * created, nor mail sent, without it) and Temporal. The database probes are a bare `SELECT 1` on
 * each pool: infrastructure, not domain SQL, so they do not go through a repository.
 */
@Injectable()
export class HealthService {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    @Inject(VAULT_DATA_SOURCE) private readonly vault: DataSource,
    @Inject(TemporalProbe) private readonly temporal: TemporalProbe,
  ) {}

  async check(): Promise<HealthDto> {
    const [postgres, temporal, vault] = await Promise.all([
      probe(() => this.dataSource.query('SELECT 1')),
      probe(() => this.temporal.ping(PROBE_TIMEOUT_MS)),
      probe(() => this.vault.query('SELECT 1')),
    ]);
    const ok = [postgres, temporal, vault].every((check) => check.status === 'up');
    return { status: ok ? 'ok' : 'error', checks: { postgres, temporal, vault } };
  }
}
