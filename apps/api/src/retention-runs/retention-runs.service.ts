import { Inject, Injectable } from '@nestjs/common';
import type { RetentionRun } from '@relance/db/entities/retention-run.entity';
import type { Page } from '@relance/db/repositories/keyset-page';
import { RetentionRunRepository } from '@relance/privacy/retention/retention-run.repository';
import { invalidCursor } from '../common/pagination';
import type { ListRetentionRunsQuery } from './dto/list-retention-runs.query';

const DEFAULT_PAGE = 50;

/** Reads what the retention schedules did, for staff. */
@Injectable()
export class RetentionRunsService {
  constructor(@Inject(RetentionRunRepository) private readonly runs: RetentionRunRepository) {}

  async list(query: ListRetentionRunsQuery): Promise<Page<RetentionRun>> {
    const page = await this.runs.list({ job: query.job }, { limit: query.limit ?? DEFAULT_PAGE, after: query.after });
    if (!page) throw invalidCursor('a retention run');
    return page;
  }
}
