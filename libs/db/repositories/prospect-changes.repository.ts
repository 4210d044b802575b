import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { Prospect } from '../entities/prospect.entity';
import { changedProspectFields, type ProspectChanges } from './prospect-changes';

export type { ProspectChanges, ProspectField } from './prospect-changes';

export type ProspectUpdate =
  | { kind: 'updated'; prospect: Prospect; changed: (keyof ProspectChanges)[] }
  | { kind: 'not_found' }
  /** Another prospect of the account has the new email. */
  | { kind: 'email_taken' };

/** What tagging or untagging did to one prospect of the list given. */
export type TagOutcome = 'changed' | 'unchanged' | 'not_found' | 'too_many_tags';

/**
 * Changes to existing prospects: a rep's rectification of one (with its audit entry in the same
 * transaction) and tags added or removed on many at once. Every statement is scoped by the
 * account: another account's prospect is simply not found.
 */
@Injectable()
export class ProspectChangesRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  /** `audit` is called in the transaction with the names of the fields that changed, only when some did. */
  async update(
    accountId: string,
    id: string,
    changes: ProspectChanges,
    audit: (manager: EntityManager, changed: (keyof ProspectChanges)[]) => Promise<unknown>,
  ): Promise<ProspectUpdate> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const rows = manager.getRepository(Prospect);
        const before = await rows.findOne({ where: { accountId, id }, lock: { mode: 'pessimistic_write' } });
        if (!before) return { kind: 'not_found' } as const;
        const changed = changedProspectFields(before, changes);
        if (changed.length === 0) return { kind: 'updated', prospect: before, changed } as const;
        await rows.update({ accountId, id }, Object.fromEntries(changed.map((field) => [field, changes[field]])));
        await audit(manager, changed);
        return { kind: 'updated', prospect: await rows.findOneByOrFail({ accountId, id }), changed } as const;
      });
    } catch (error) {
      if (isEmailTaken(error)) return { kind: 'email_taken' };
      throw error;
    }
  }

  /**
   * Adds `tags` (normalised, without repeats) to each listed prospect of the account, after the
   * ones it has, unless it would then carry more than `maxTags`. One statement; outcome per id.
   */
  addTags(accountId: string, ids: readonly string[], tags: readonly string[], maxTags: number): Promise<Map<string, TagOutcome>> {
    return this.retag(accountId, ids, tags, maxTags,
      `p.tags || ARRAY(SELECT t FROM unnest($3::text[]) WITH ORDINALITY AS n(t, i) WHERE t <> ALL(p.tags) ORDER BY i)`);
  }

  /** Removes `tags` from each listed prospect of the account that carries them; outcome per id. */
  removeTags(accountId: string, ids: readonly string[], tags: readonly string[]): Promise<Map<string, TagOutcome>> {
    return this.retag(accountId, ids, tags, null,
      `ARRAY(SELECT t FROM unnest(p.tags) WITH ORDINALITY AS n(t, i) WHERE t <> ALL($3::text[]) ORDER BY i)`);
  }

  private async retag(
    accountId: string,
    ids: readonly string[],
    tags: readonly string[],
    maxTags: number | null,
    newTags: string,
  ): Promise<Map<string, TagOutcome>> {
    const rows: { id: string; changed: boolean; too_many: boolean }[] = await this.dataSource.query(
      `WITH target AS (
         SELECT p.id, p.tags AS old_tags, ${newTags} AS new_tags
         FROM prospects p WHERE p.account_id = $1 AND p.id = ANY($2::uuid[])
         FOR UPDATE
       ), written AS (
         UPDATE prospects p SET tags = target.new_tags, updated_at = now()
         FROM target
         WHERE p.id = target.id AND target.new_tags <> target.old_tags
           AND ($4::int IS NULL OR cardinality(target.new_tags) <= $4)
         RETURNING p.id
       )
       SELECT target.id, written.id IS NOT NULL AS changed,
              ($4::int IS NOT NULL AND cardinality(target.new_tags) > $4) AS too_many
       FROM target LEFT JOIN written ON written.id = target.id`,
      [accountId, ids, tags, maxTags],
    );
    const found = new Map(rows.map((row): [string, TagOutcome] =>
      [row.id, row.too_many ? 'too_many_tags' : row.changed ? 'changed' : 'unchanged']));
    return new Map(ids.map((id) => [id, found.get(id) ?? 'not_found']));
  }
}

function isEmailTaken(error: unknown): boolean {
  const driverError = error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === 'uq_prospects_account_email';
}
