import { Body, Controller, Get, HttpCode, Inject, Param, Post, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffRoles } from '../auth/staff-roles.decorator';
import type { StaffContext } from '../common/api-request';
import { ApiErrors } from '../common/api-errors.decorator';
import { PageQuery } from '../common/page-query';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { DisableStaffUserDto } from './dto/disable-staff-user.dto';
import { StaffUserDto, StaffUserPageDto } from './dto/staff-user.dto';
import { StaffService } from './staff.service';

/**
 * Staff routes live under /v1/staff and take a staff token (npm run staff), never a customer's
 * API key. Members are created with the command; admins can list and disable them here.
 */
@ApiTags('staff')
@ApiErrors(401)
@Controller('v1/staff')
export class StaffController {
  constructor(@Inject(StaffService) private readonly staff: StaffService) {}

  @Get('me')
  @StaffRoles('support', 'operator', 'admin')
  @ApiOperation({ summary: 'The staff member the token belongs to' })
  @ApiOkResponse({ type: StaffUserDto })
  async me(@CurrentStaff() caller: StaffContext): Promise<StaffUserDto> {
    return StaffUserDto.from(await this.staff.me(caller));
  }

  @Get('users')
  @StaffRoles('admin')
  @ApiOperation({ summary: 'List staff members, newest first, a page at a time (admin)' })
  @ApiOkResponse({ type: StaffUserPageDto })
  async list(@Query() query: PageQuery): Promise<StaffUserPageDto> {
    const { items, nextCursor } = await this.staff.list(query);
    return { data: items.map((user) => StaffUserDto.from(user)), nextCursor };
  }

  @Post('users/:id/disable')
  @HttpCode(200)
  @StaffRoles('admin')
  @ApiOperation({ summary: 'Disable a staff member and revoke their tokens (admin; recorded in the audit trail)' })
  @ApiOkResponse({ type: StaffUserDto })
  @ApiErrors(400, 404, 409)
  async disable(
    @CurrentStaff() caller: StaffContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: DisableStaffUserDto,
  ): Promise<StaffUserDto> {
    return StaffUserDto.from(await this.staff.disable(caller, id, body.reason));
  }
}
