import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { ImportJob, type ImportJobStatus, type ImportOnExisting } from '@relance/db/entities/import-job.entity';
import { ImportRefusal } from '@relance/db/entities/import-refusal.entity';
import { entityFromRow } from '@relance/db/repositories/entity-rows';
import { keysetPage, type Page } from '@relance/db/repositories/keyset-page';
import type { SuppressionKeys } from '@relance/db/repositories/suppression.repository';
import type { BatchFacts, BatchPlan } from './batch-plan';
import type { ImportedProspect } from './row-check';

export type NewImportJob = Pick<ImportJob,
  'id' | 'accountId' | 'createdByUserId' | 'fileName' | 'filePath' | 'sizeBytes' | 'encoding' | 'delimiter' | 'headers' | 'mapping' | 'totalRows'>;

/** A batch to commit: its plan is made by `plan` from facts read under the job's lock. */
export interface BatchCommit {
  /** The checkpoint the batch starts from: another attempt that moved it already did this batch. */
  fromRecord: number;
  toRecord: number;
  rowsRead: number;
  emails: string[];
  plan(facts: BatchFacts, onExisting: ImportOnExisting): BatchPlan;
}

export interface BatchCounts {
  imported: number;
  updated: number;
  skipped: number;
  refused: number;
}

/** Every query of CSV imports: jobs, their batches (one transaction each, checkpoint included), their reports. */
@Injectable()
export class ImportJobRepository {
  constructor(private readonly dataSource: DataSource) {}

  async create(job: NewImportJob): Promise<ImportJob> {
    const repository = this.dataSource.getRepository(ImportJob);
    return repository.save(repository.create(job));
  }

  findById(id: string): Promise<ImportJob | null> {
    return this.dataSource.getRepository(ImportJob).findOneBy({ id });
  }

  findForAccount(accountId: string, id: string): Promise<ImportJob | null> {
    return this.dataSource.getRepository(ImportJob).findOneBy({ accountId, id });
  }

  /** Newest first; null when `afterId` is not one of the account's imports. */
  listPage(accountId: string, options: { limit: number; afterId?: string }): Promise<Page<ImportJob> | null> {
    return keysetPage(this.dataSource, {
      rows: `SELECT j.* FROM import_jobs j WHERE j.account_id = $1`,
      params: [accountId],
      key: ['created_at', 'id'],
      descending: true,
      map: entityFromRow(this.dataSource, ImportJob),
    }, { limit: options.limit, after: options.afterId });
  }

  /** Confirms the mapping and marks the job running; null when it was not waiting for one (started already). */
  async start(accountId: string, id: string, mapping: unknown[], onExisting: ImportOnExisting): Promise<ImportJob | null> {
    // An UPDATE … RETURNING answers [rows, affected count] through TypeORM's query().
    const [rows]: [Record<string, unknown>[], number] = await this.dataSource.query(
      `UPDATE import_jobs SET status = 'running', mapping = $3::jsonb, on_existing = $4, started_at = now()
       WHERE account_id = $1 AND id = $2 AND status = 'awaiting_mapping' RETURNING *`,
      [accountId, id, JSON.stringify(mapping), onExisting],
    );
    return rows[0] ? entityFromRow(this.dataSource, ImportJob)(rows[0]) : null;
  }

  /** Back to waiting for its start when its workflow could not be started (Temporal unreachable), so a retry can start it. */
  async unstart(id: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_jobs SET status = 'awaiting_mapping', started_at = NULL WHERE id = $1 AND status = 'running' AND checkpoint_records = 0`,
      [id],
    );
  }

  async finish(id: string, status: Extract<ImportJobStatus, 'completed' | 'failed'>, error: string | null): Promise<void> {
    await this.dataSource.query(
      `UPDATE import_jobs SET status = $2, error = $3, completed_at = now() WHERE id = $1 AND status = 'running'`,
      [id, status, error],
    );
  }

  /** The suppression entries matching any of `keys`: the service tells which row each forbids. */
  suppressionsMatching(accountId: string, keys: readonly SuppressionKeys[]): Promise<{ email_hash: string | null; domain: string | null; reason: string }[]> {
    if (keys.length === 0) return Promise.resolve([]);
    return this.dataSource.query(
      `SELECT email_hash, domain, reason FROM suppressions WHERE account_id = $1 AND (email_hash = ANY($2::text[]) OR domain = ANY($3::text[]))`,
      [accountId, keys.map((k) => k.emailHash), [...new Set(keys.flatMap((k) => k.domains))]],
    );
  }

  /**
   * Commits one batch and the checkpoint after it in one transaction, under the job's row lock:
   * a crash before the commit leaves nothing of the batch, after it the checkpoint says it is
   * done. Returns null when the checkpoint is not where this attempt thought (another did it).
   */
  commitBatch(jobId: string, batch: BatchCommit): Promise<BatchCounts | null> {
    return this.dataSource.transaction(async (manager) => {
      const [job]: { account_id: string; created_by_user_id: string | null; on_existing: ImportOnExisting; checkpoint_records: number }[] =
        await manager.query(
          `SELECT account_id, created_by_user_id, on_existing, checkpoint_records FROM import_jobs WHERE id = $1 AND status = 'running' FOR UPDATE`,
          [jobId],
        );
      if (!job || job.checkpoint_records !== batch.fromRecord) return null;
      const plan = batch.plan(await this.facts(manager, jobId, job.account_id, batch.emails), job.on_existing);
      const created = await insertProspects(manager, job.account_id, job.created_by_user_id, plan.inserts.map((row) => row.prospect));
      const raced = plan.inserts.filter((row) => !created.has(row.prospect.email));
      const racedIds = await this.facts(manager, jobId, job.account_id, raced.map((row) => row.prospect.email));
      await updateProspects(manager, plan.updates);
      await recordOutcomes(manager, jobId, [
        ...plan.inserts.filter((row) => created.has(row.prospect.email)).map((row) => ({ line: row.line, prospectId: created.get(row.prospect.email)!, outcome: 'created' })),
        ...plan.updates.map((row) => ({ line: row.line, prospectId: row.prospectId, outcome: 'updated' })),
        ...[...plan.skips, ...raced.map((row) => ({ line: row.line, prospectId: racedIds.existing.get(row.prospect.email)!.id }))]
          .map((row) => ({ ...row, outcome: 'skipped' })),
      ]);
      await insertRefusals(manager, jobId, plan);
      const counts = { imported: created.size, updated: plan.updates.length, skipped: plan.skips.length + raced.length, refused: plan.refusedRows };
      await manager.query(
        `UPDATE import_jobs SET checkpoint_records = $2, rows_read = rows_read + $3, imported = imported + $4, updated = updated + $5,
           skipped = skipped + $6, refused = refused + $7 WHERE id = $1`,
        [jobId, batch.toRecord, batch.rowsRead, counts.imported, counts.updated, counts.skipped, counts.refused],
      );
      return counts;
    });
  }

  private async facts(manager: EntityManager, jobId: string, accountId: string, emails: string[]): Promise<BatchFacts> {
    const existing: { id: string; email: string; restricted: boolean; line: number | null }[] = emails.length === 0 ? [] : await manager.query(
      `SELECT p.id, p.email, p.restricted, j.line FROM prospects p
       LEFT JOIN import_job_prospects j ON j.prospect_id = p.id AND j.import_job_id = $3
       WHERE p.account_id = $1 AND p.email = ANY($2::text[])`,
      [accountId, emails, jobId],
    );
    return {
      existing: new Map(existing.map((row) => [row.email, { id: row.id, restricted: row.restricted }])),
      handledAt: new Map(existing.flatMap((row) => (row.line === null ? [] : [[row.email, row.line] as const]))),
    };
  }

  /** The report's rows in file order, `limit` at a time after (line, id) `after`. */
  refusalsAfter(jobId: string, after: { line: number; id: string } | null, limit: number): Promise<ImportRefusal[]> {
    return this.dataSource.getRepository(ImportRefusal).createQueryBuilder('r')
      .where('r.import_job_id = :jobId', { jobId })
      .andWhere(after ? '(r.line, r.id) > (:line, :id)' : 'TRUE', after ?? {})
      .orderBy('r.line', 'ASC').addOrderBy('r.id', 'ASC').limit(limit).getMany();
  }

  /** The prospects an import created or updated (what "enrich this import" selects). */
  async prospectIds(jobId: string): Promise<string[]> {
    const rows: { prospect_id: string }[] = await this.dataSource.query(
      `SELECT prospect_id FROM import_job_prospects WHERE import_job_id = $1 AND outcome IN ('created', 'updated') ORDER BY line`,
      [jobId],
    );
    return rows.map((row) => row.prospect_id);
  }

  /** The prospect's address (normalised), or null when the account has no such prospect. */
  async prospectEmail(accountId: string, prospectId: string): Promise<string | null> {
    const [row]: { email: string }[] = await this.dataSource.query(`SELECT email FROM prospects WHERE account_id = $1 AND id = $2`, [accountId, prospectId]);
    return row?.email ?? null;
  }

  /** After a rewrite: the stored file is UTF-8 now, whatever it was uploaded in. */
  async markRewritten(id: string): Promise<void> {
    await this.dataSource.query(`UPDATE import_jobs SET encoding = 'utf-8' WHERE id = $1`, [id]);
  }

  /** Every stored file of the account (erasure rewrites them; the purge removes them with the folder). */
  filesOfAccount(accountId: string): Promise<ImportJob[]> {
    return this.dataSource.getRepository(ImportJob).findBy({ accountId });
  }
}

/** One multi-row INSERT through unnest (one parameter per column, whatever the batch size); returns email → id of those created. */
async function insertProspects(manager: EntityManager, accountId: string, ownerId: string | null, prospects: ImportedProspect[]): Promise<Map<string, string>> {
  if (prospects.length === 0) return new Map();
  const rows: { id: string; email: string }[] = await manager.query(
    `INSERT INTO prospects (account_id, owner_id, email, first_name, last_name, position, company, country, time_zone, custom_fields)
     SELECT $1, $2, * FROM unnest($3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::jsonb[])
     ON CONFLICT (account_id, email) DO NOTHING RETURNING id, email`,
    [accountId, ownerId, ...columnsOf(prospects)],
  );
  return new Map(rows.map((row) => [row.email, row.id]));
}

/** Fills what the file says and keeps what it leaves empty; custom fields are merged, the file's winning. */
async function updateProspects(manager: EntityManager, updates: BatchPlan['updates']): Promise<void> {
  if (updates.length === 0) return;
  const [, ...columns] = columnsOf(updates.map((row) => row.prospect));
  await manager.query(
    `UPDATE prospects p SET first_name = COALESCE(u.first_name, p.first_name), last_name = COALESCE(u.last_name, p.last_name),
       position = COALESCE(u.position, p.position), company = COALESCE(u.company, p.company), country = COALESCE(u.country, p.country),
       time_zone = COALESCE(u.time_zone, p.time_zone), custom_fields = p.custom_fields || u.custom_fields, updated_at = now()
     FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::jsonb[])
       AS u(id, first_name, last_name, position, company, country, time_zone, custom_fields)
     WHERE p.id = u.id`,
    [updates.map((row) => row.prospectId), ...columns],
  );
}

function columnsOf(prospects: ImportedProspect[]): unknown[][] {
  return [
    prospects.map((p) => p.email), prospects.map((p) => p.firstName), prospects.map((p) => p.lastName),
    prospects.map((p) => p.position), prospects.map((p) => p.company), prospects.map((p) => p.country),
    prospects.map((p) => p.timeZone), prospects.map((p) => JSON.stringify(p.customFields)),
  ];
}

async function recordOutcomes(manager: EntityManager, jobId: string, rows: { line: number; prospectId: string; outcome: string }[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO import_job_prospects (import_job_id, prospect_id, line, outcome)
     SELECT $1, * FROM unnest($2::uuid[], $3::int[], $4::text[])`,
    [jobId, rows.map((row) => row.prospectId), rows.map((row) => row.line), rows.map((row) => row.outcome)],
  );
}

async function insertRefusals(manager: EntityManager, jobId: string, plan: BatchPlan): Promise<void> {
  if (plan.refusals.length === 0) return;
  const r = plan.refusals;
  await manager.query(
    `INSERT INTO import_refusals (import_job_id, line, column_name, reason, value, email)
     SELECT $1, * FROM unnest($2::int[], $3::text[], $4::text[], $5::text[], $6::text[])`,
    [jobId, r.map((x) => x.line), r.map((x) => x.column), r.map((x) => x.reason), r.map((x) => x.value), r.map((x) => x.email)],
  );
}
