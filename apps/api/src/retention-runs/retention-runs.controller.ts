import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { RetentionRunRepository } from '@relance/privacy/retention/retention-run.repository';
import { StaffRoles } from '../auth/staff-roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { invalidCursor } from '../common/pagination';
import { ListRetentionRunsQuery } from './dto/list-retention-runs.query';
import { RetentionRunDto, RetentionRunPageDto } from './dto/retention-run.dto';

const DEFAULT_PAGE = 50;

/** What the retention schedules did, newest first, for the staff who run Relance. */
@ApiTags('staff')
@ApiErrors(401, 400)
@StaffRoles('operator', 'admin')
@Controller('v1/staff/retention-runs')
export class RetentionRunsController {
  constructor(@Inject(RetentionRunRepository) private readonly runs: RetentionRunRepository) {}

  @Get()
  @ApiOperation({ summary: 'List retention runs, newest first, a page at a time (operator, admin)' })
  @ApiOkResponse({ type: RetentionRunPageDto })
  async list(@Query() query: ListRetentionRunsQuery): Promise<RetentionRunPageDto> {
    const page = await this.runs.list({ job: query.job }, { limit: query.limit ?? DEFAULT_PAGE, after: query.after });
    if (!page) throw invalidCursor('a retention run');
    return { data: page.items.map((run) => RetentionRunDto.from(run)), nextCursor: page.nextCursor };
  }
}
