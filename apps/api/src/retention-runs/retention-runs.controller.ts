import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRoles } from '../auth/staff-roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { ListRetentionRunsQuery } from './dto/list-retention-runs.query';
import { RetentionRunDto, RetentionRunPageDto } from './dto/retention-run.dto';
import { RetentionRunsService } from './retention-runs.service';

/** What the retention schedules did, newest first, for the staff who run Relance. */
@ApiTags('staff')
@ApiErrors(401, 400)
@StaffRoles('operator', 'admin')
@Controller('v1/staff/retention-runs')
export class RetentionRunsController {
  constructor(@Inject(RetentionRunsService) private readonly runs: RetentionRunsService) {}

  @Get()
  @ApiOperation({ summary: 'List retention runs, newest first, a page at a time (operator, admin)' })
  @ApiOkResponse({ type: RetentionRunPageDto })
  async list(@Query() query: ListRetentionRunsQuery): Promise<RetentionRunPageDto> {
    const { items, nextCursor } = await this.runs.list(query);
    return { data: items.map((run) => RetentionRunDto.from(run)), nextCursor };
  }
}
