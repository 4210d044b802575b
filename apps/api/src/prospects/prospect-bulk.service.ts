import { Inject, Injectable } from '@nestjs/common';
import type { Logger } from 'pino';
import { APP_CONFIG, type AppConfig } from '@relance/config';
import { ProspectChangesRepository, type TagOutcome } from '@relance/db/repositories/prospect-changes.repository';
import { DomainError } from '@relance/errors';
import { API_LOGGER } from '../common/logger.module';
import type { BulkOutcome, BulkProspectsDto, BulkResultDto } from './dto/bulk-prospects.dto';
import { MAX_TAGS } from './dto/prospect-tags';
import { ProspectForgetService } from './prospect-forget.service';

/** Erasures run side by side: a few of the API's database connections, never all of them. */
const DELETE_CONCURRENCY = 4;

/**
 * One action on many prospects of the account, each id reported on its own: an id of another
 * account (or of nobody) is `not_found` and nothing of it is read or changed.
 */
@Injectable()
export class ProspectBulkService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ProspectChangesRepository) private readonly changes: ProspectChangesRepository,
    @Inject(ProspectForgetService) private readonly forgetting: ProspectForgetService,
    @Inject(API_LOGGER) private readonly logger: Logger,
  ) {}

  async run(accountId: string, apiKeyId: string, input: BulkProspectsDto): Promise<BulkResultDto> {
    const ids = [...new Set(input.ids.map((id) => id.toLowerCase()))];
    const max = this.config.prospectBulk.maxIds;
    if (ids.length > max) throw DomainError.validation([{ field: 'ids', message: `ids must contain no more than ${max} distinct prospects` }]);
    if (input.action === 'delete' && input.tags !== undefined) {
      throw DomainError.validation([{ field: 'tags', message: 'tags are for the tag and untag actions, not delete' }]);
    }
    const outcomes = input.action === 'delete'
      ? await this.delete(accountId, apiKeyId, ids)
      : await this.retag(accountId, ids, input.action, input.tags ?? []);
    const results = ids.map((id) => ({ id, outcome: outcomes.get(id) ?? 'not_found' }));
    const counts: BulkResultDto['counts'] = {};
    for (const { outcome } of results) counts[outcome] = (counts[outcome] ?? 0) + 1;
    return { action: input.action, results, counts };
  }

  private async retag(accountId: string, ids: string[], action: 'tag' | 'untag', tags: string[]): Promise<Map<string, BulkOutcome>> {
    const done = action === 'tag'
      ? await this.changes.addTags(accountId, ids, tags, MAX_TAGS)
      : await this.changes.removeTags(accountId, ids, tags);
    const named: Record<TagOutcome, BulkOutcome> = {
      changed: action === 'tag' ? 'tagged' : 'untagged', unchanged: 'unchanged', not_found: 'not_found', too_many_tags: 'too_many_tags',
    };
    return new Map([...done].map(([id, outcome]) => [id, named[outcome]]));
  }

  /**
   * Each prospect goes the way of POST /v1/prospects/:id/forget (sequences stopped, erased,
   * blacklisted, workflows deleted), each in its own transaction, DELETE_CONCURRENCY at a time
   * (one after the other, 1000 took ~25 s): one that fails is reported and the others still go.
   */
  private async delete(accountId: string, apiKeyId: string, ids: string[]): Promise<Map<string, BulkOutcome>> {
    const outcomes = new Map<string, BulkOutcome>();
    const queue = [...ids];
    const worker = async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) outcomes.set(id, await this.deleteOne(accountId, apiKeyId, id));
    };
    await Promise.all(Array.from({ length: Math.min(DELETE_CONCURRENCY, ids.length) }, worker));
    return outcomes;
  }

  private async deleteOne(accountId: string, apiKeyId: string, id: string): Promise<BulkOutcome> {
    try {
      const forgotten = await this.forgetting.forget(accountId, apiKeyId, id);
      return forgotten.counts.prospects > 0 ? 'deleted' : 'not_found';
    } catch (error) {
      if (error instanceof DomainError && error.code === 'not_found') return 'not_found';
      this.logger.error({ prospectId: id, err: { message: (error as Error).message } }, 'bulk delete: prospect not deleted');
      return 'failed';
    }
  }
}
