import { Inject, Injectable } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { EnrichmentJob, EnrichmentResult, type EnrichmentKind, type EnrichmentOutcome, type EnrichmentProvider } from '@relance/db';
import { factsToFill } from './prospect-facts';
import type { ProspectFacts } from './verification';

/** The prospect an enrichment step works on: what a provider may be sent and what may be filled. */
export interface EnrichmentTarget {
  job: Pick<EnrichmentJob, 'id' | 'accountId' | 'kind' | 'provider'>;
  /** Null when the prospect was deleted (or erased) since the job was asked for. */
  prospect: { id: string; email: string; restricted: boolean } | null;
  prospectId: string;
  /** A result is already recorded at this position (an attempt whose completion was lost): nothing to ask again. */
  recorded: boolean;
}

export interface ResultToRecord {
  outcome: EnrichmentOutcome;
  verdict?: string | null;
  score?: number | null;
  details?: Record<string, unknown>;
  errorCode?: string | null;
  /** Enrichment: the facts found; only the prospect's empty fields take them. */
  facts?: ProspectFacts;
}

/** Enrichment jobs, their results, and the prospect fields they fill: every query of the feature. */
@Injectable()
export class EnrichmentRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** Of these ids, those that are not prospects of the account. */
  async foreignProspectIds(accountId: string, prospectIds: readonly string[]): Promise<string[]> {
    const rows: { id: string }[] = await this.dataSource.query(
      `SELECT id::text FROM prospects WHERE account_id = $1 AND id = ANY($2::uuid[])`, [accountId, prospectIds],
    );
    const owned = new Set(rows.map((row) => row.id));
    return prospectIds.filter((id) => !owned.has(id));
  }

  createJob(accountId: string, kind: EnrichmentKind, provider: EnrichmentProvider, prospectIds: readonly string[]): Promise<EnrichmentJob> {
    return this.dataSource.getRepository(EnrichmentJob).save({
      accountId, kind, provider, prospectIds: [...prospectIds], total: prospectIds.length,
    });
  }

  findJob(accountId: string, jobId: string): Promise<EnrichmentJob | null> {
    return this.dataSource.getRepository(EnrichmentJob).findOneBy({ id: jobId, accountId });
  }

  results(jobId: string): Promise<EnrichmentResult[]> {
    return this.dataSource.getRepository(EnrichmentResult).find({ where: { jobId }, order: { checkedAt: 'ASC', id: 'ASC' } });
  }

  /** The latest results of some prospects (of the account), newest first. */
  resultsOfProspects(accountId: string, prospectIds: readonly string[]): Promise<EnrichmentResult[]> {
    return this.dataSource.getRepository(EnrichmentResult).find({
      where: { accountId, prospectId: In([...prospectIds]) }, order: { checkedAt: 'DESC' },
    });
  }

  /** How many prospects the job has (the workflow walks positions 0…total-1); null when the job is gone. */
  async jobSize(jobId: string): Promise<number | null> {
    const [row] = await this.dataSource.query(`SELECT total FROM enrichment_jobs WHERE id = $1`, [jobId]);
    return row ? Number(row.total) : null;
  }

  /** The job's prospect at `position`; null when the job is gone or the position is past its end. */
  async target(jobId: string, position: number): Promise<EnrichmentTarget | null> {
    const [row] = await this.dataSource.query(
      `SELECT j.id, j.account_id, j.kind, j.provider, j.prospect_ids[$2 + 1]::text AS prospect_id,
              p.id::text AS found_id, p.email, p.restricted,
              EXISTS (SELECT 1 FROM enrichment_results r WHERE r.job_id = j.id AND r.position = $2) AS recorded
         FROM enrichment_jobs j
         LEFT JOIN prospects p ON p.id = j.prospect_ids[$2 + 1] AND p.account_id = j.account_id
        WHERE j.id = $1 AND $2 < j.total`,
      [jobId, position],
    );
    if (!row) return null;
    return {
      job: { id: row.id, accountId: row.account_id, kind: row.kind, provider: row.provider },
      prospectId: row.prospect_id,
      recorded: row.recorded,
      prospect: row.found_id ? { id: row.found_id, email: row.email, restricted: row.restricted } : null,
    };
  }

  /**
   * Records the result at the target's position once (a retried activity finds it there and
   * changes nothing), moves the job's counters, and fills the prospect's empty fields with what
   * was found: all in one transaction. Returns the fields filled (none when already recorded).
   */
  record(target: EnrichmentTarget, position: number, result: ResultToRecord): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO enrichment_results (account_id, job_id, position, prospect_id, kind, provider, outcome, verdict, score, details, error_code)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
         ON CONFLICT (job_id, position) DO NOTHING RETURNING id`,
        [target.job.accountId, target.job.id, position, target.prospect?.id ?? null, target.job.kind, target.job.provider,
          result.outcome, result.verdict ?? null, result.score ?? null, JSON.stringify(result.details ?? {}), result.errorCode ?? null],
      );
      if (inserted.length === 0) return [];
      await manager.query(
        `UPDATE enrichment_jobs SET processed = processed + 1,
                succeeded = succeeded + ($2 = 'done')::int, skipped = skipped + ($2 = 'skipped')::int,
                failed = failed + ($2 = 'failed')::int, updated_at = now()
          WHERE id = $1`,
        [target.job.id, result.outcome],
      );
      if (!result.facts || !target.prospect) return [];
      const [current] = await manager.query(`SELECT position, company, country FROM prospects WHERE id = $1 FOR UPDATE`, [target.prospect.id]);
      const fill = current ? factsToFill(current, result.facts) : {};
      const filled = Object.keys(fill);
      if (filled.length === 0) return [];
      await manager.query(
        `UPDATE prospects SET position = COALESCE($2, position), company = COALESCE($3, company),
                country = COALESCE($4, country), updated_at = now() WHERE id = $1`,
        [target.prospect.id, fill.position ?? null, fill.company ?? null, fill.country ?? null],
      );
      await manager.query(`UPDATE enrichment_results SET filled_fields = $2 WHERE id = $1`, [inserted[0].id, filled]);
      return filled;
    });
  }

  async finishJob(jobId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE enrichment_jobs SET status = 'completed', finished_at = COALESCE(finished_at, now()), updated_at = now() WHERE id = $1`, [jobId],
    );
  }
}
