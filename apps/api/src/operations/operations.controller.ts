import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRoles } from '../auth/staff-roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { OperationsQuery } from './dto/operations-query.dto';
import { OperationsSummaryDto } from './dto/operations-summary.dto';
import { OperationsService } from '@relance/operations';

/** The operators' summary: what the console's dashboard will show first. */
@ApiTags('staff')
@ApiErrors(401, 400)
@StaffRoles('operator', 'admin')
@Controller('v1/staff/operations')
export class OperationsController {
  constructor(@Inject(OperationsService) private readonly operations: OperationsService) {}

  @Get()
  @ApiOperation({
    summary: 'Workflows by type and status, failed and long runs, 7 days of traffic, stuck emails, retention runs, failing mailboxes (operator, admin)',
  })
  @ApiOkResponse({ type: OperationsSummaryDto })
  summary(@Query() query: OperationsQuery): Promise<OperationsSummaryDto> {
    return this.operations.summary({ limit: query.limit ?? 20, longRunningMinutes: query.longRunningMinutes ?? 60 });
  }
}
