import {
  applyDecorators, Controller, Delete, Get, Inject, MethodNotAllowedException, Patch, Post, Put, Query, Res,
} from '@nestjs/common';
import type { ServerResponse } from 'node:http';
import { ApiExcludeEndpoint, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { StaffRoles } from '../auth/staff-roles.decorator';
import { ApiErrors } from '../common/api-errors.decorator';
import { AuditEventDto, AuditEventPageDto } from './dto/audit-event.dto';
import { ListAuditEventsQuery } from './dto/list-audit-events.query';
import { AuditEventsService } from './audit-events.service';

const RefusedChange = () =>
  applyDecorators(
    // Out of the document: one operation on two paths (with and without :id) cannot be described
    // validly, and the list route says writes answer 405.
    ApiExcludeEndpoint(),
  );

/**
 * The audit trail, read-only, for every staff role. Writing methods answer 405 on purpose
 * rather than an unknown-route 404, so a client learns the trail cannot be changed (and the
 * table's trigger refuses UPDATE and DELETE whatever reaches it).
 */
@ApiTags('staff')
@ApiErrors(401, 400)
@StaffRoles('support', 'operator', 'admin')
@Controller('v1/staff/audit-events')
export class AuditEventsController {
  constructor(@Inject(AuditEventsService) private readonly audit: AuditEventsService) {}

  @Get()
  @ApiOperation({
    summary: 'List audit events, newest first, a page at a time',
    description: 'Filters combine (all must hold): target, actor, action, account, time range [from, to). ' +
      'The trail is append-only: POST, PUT, PATCH and DELETE here answer 405 `method_not_allowed`.',
  })
  @ApiOkResponse({ type: AuditEventPageDto })
  async list(@Query() query: ListAuditEventsQuery): Promise<AuditEventPageDto> {
    const { items, nextCursor } = await this.audit.list(query);
    return { data: items.map((event) => AuditEventDto.from(event)), nextCursor };
  }

  @Post(['', ':id'])
  @RefusedChange()
  refusePost(@Res({ passthrough: true }) response: ServerResponse): never {
    return refuse(response);
  }

  @Put(['', ':id'])
  @RefusedChange()
  refusePut(@Res({ passthrough: true }) response: ServerResponse): never {
    return refuse(response);
  }

  @Patch(['', ':id'])
  @RefusedChange()
  refusePatch(@Res({ passthrough: true }) response: ServerResponse): never {
    return refuse(response);
  }

  @Delete(['', ':id'])
  @RefusedChange()
  refuseDelete(@Res({ passthrough: true }) response: ServerResponse): never {
    return refuse(response);
  }
}

/** The error filter keeps headers already set: Allow tells what the resource does accept. */
function refuse(response: ServerResponse): never {
  response.setHeader('Allow', 'GET');
  throw new MethodNotAllowedException('The audit trail is append-only: it cannot be written, changed or deleted');
}
