import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffRoles } from '../auth/staff-roles.decorator';
import type { StaffContext } from '../common/api-request';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { ListPrivacyRequestsQuery } from './dto/list-privacy-requests.query';
import { RectifyFieldsDto, StaffPrivacyRequestDto, StaffReasonDto } from './dto/privacy-request-input.dto';
import { PrivacyRequestDto, PrivacyRequestPageDto, PrivacyRequestWithLiveDto } from './dto/privacy-request.dto';
import { PrivacyRequestIntake } from './privacy-request-intake.service';
import { PrivacyRequestStaffActions } from '@relance/privacy/requests';

/** Staff handle data-subject requests here (the console drives these same routes). */
@ApiTags('staff')
@ApiErrors(401)
@StaffRoles('support', 'admin')
@Controller('v1/staff/privacy-requests')
export class StaffPrivacyRequestsController {
  constructor(
    @Inject(PrivacyRequestStaffActions) private readonly actions: PrivacyRequestStaffActions,
    @Inject(PrivacyRequestIntake) private readonly intake: PrivacyRequestIntake,
  ) {}

  @Get()
  @ApiOperation({ summary: 'List privacy requests, newest first (filters: status, type, overdue)' })
  @ApiOkResponse({ type: PrivacyRequestPageDto })
  @ApiErrors(400)
  async list(@Query() query: ListPrivacyRequestsQuery): Promise<PrivacyRequestPageDto> {
    const now = new Date();
    const page = await this.actions.list(
      { status: query.status, type: query.type, overdueAt: query.overdue ? now : undefined }, query.limit ?? 50, query.after,
    );
    return { data: page.items.map((request) => PrivacyRequestDto.from(request, now)), nextCursor: page.nextCursor };
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'File a request for someone who wrote to support: about a rep (user), a prospect, or an address' })
  @ApiOkResponse({ type: PrivacyRequestDto })
  @ApiErrors(400, 404, 409)
  async create(@CurrentStaff() staff: StaffContext, @Body() body: StaffPrivacyRequestDto): Promise<PrivacyRequestDto> {
    return PrivacyRequestDto.from(await this.intake.fromStaff(staff, body), new Date());
  }

  @Get(':id')
  @ApiOperation({ summary: 'One privacy request with its events and its workflow\'s live state (what it waits for)' })
  @ApiOkResponse({ type: PrivacyRequestWithLiveDto })
  @ApiErrors(400, 404)
  async get(@Param('id', ParseIdPipe) id: string): Promise<PrivacyRequestWithLiveDto> {
    const { request, events, live } = await this.actions.get(id);
    return { ...PrivacyRequestDto.from(request, new Date(), events), live: live.live, liveUnavailable: live.reason };
  }

  @Post(':id/verify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Verify the requester\'s identity by hand, with the reason (audited)' })
  @ApiOkResponse({ type: PrivacyRequestDto })
  @ApiErrors(400, 404, 409)
  async verify(@CurrentStaff() staff: StaffContext, @Param('id', ParseIdPipe) id: string, @Body() body: StaffReasonDto): Promise<PrivacyRequestDto> {
    return PrivacyRequestDto.from(await this.actions.verify(staff, id, body.reason), new Date());
  }

  @Post(':id/extend')
  @HttpCode(200)
  @ApiOperation({ summary: 'Extend the deadline once, with the reason (the subject is told)' })
  @ApiOkResponse({ type: PrivacyRequestDto })
  @ApiErrors(400, 404, 409)
  async extend(@CurrentStaff() staff: StaffContext, @Param('id', ParseIdPipe) id: string, @Body() body: StaffReasonDto): Promise<PrivacyRequestDto> {
    return PrivacyRequestDto.from(await this.actions.extend(staff, id, body.reason), new Date());
  }

  @Post(':id/reject')
  @HttpCode(200)
  @ApiOperation({ summary: 'Reject an open request with the reason: closed unexecuted, audited, the reason mailed to the requester' })
  @ApiOkResponse({ type: PrivacyRequestDto })
  @ApiErrors(400, 404, 409)
  async reject(@CurrentStaff() staff: StaffContext, @Param('id', ParseIdPipe) id: string, @Body() body: StaffReasonDto): Promise<PrivacyRequestDto> {
    return PrivacyRequestDto.from(await this.actions.reject(staff, id, body.reason), new Date());
  }

  @Post(':id/rectify')
  @HttpCode(200)
  @ApiOperation({ summary: 'Give the fields a rectification sets; the request then runs (audited by field name)' })
  @ApiOkResponse({ type: PrivacyRequestDto })
  @ApiErrors(400, 404, 409)
  async rectify(@CurrentStaff() staff: StaffContext, @Param('id', ParseIdPipe) id: string, @Body() body: RectifyFieldsDto): Promise<PrivacyRequestDto> {
    return PrivacyRequestDto.from(await this.actions.rectify(staff, id, body.fields), new Date());
  }

  @Post(':id/lift-restriction')
  @HttpCode(200)
  @ApiOperation({ summary: 'Lift the restriction a completed request set: the prospect may be mailed again (audited)' })
  @ApiOkResponse({ type: PrivacyRequestDto })
  @ApiErrors(400, 404, 409)
  async liftRestriction(@CurrentStaff() staff: StaffContext, @Param('id', ParseIdPipe) id: string): Promise<PrivacyRequestDto> {
    return PrivacyRequestDto.from(await this.actions.liftRestriction(staff, id), new Date());
  }
}
