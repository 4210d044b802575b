import { Body, Controller, HttpCode, Inject, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentStaff } from '../auth/current-staff.decorator';
import { StaffRoles } from '../auth/staff-roles.decorator';
import type { StaffContext } from '../common/api-request';
import { ApiErrors } from '../common/api-errors.decorator';
import { ParseIdPipe } from '../common/parse-id.pipe';
import { StaffReasonDto } from '../privacy-requests/dto/privacy-request-input.dto';
import { ForgetResultDto } from './dto/forget-result.dto';
import { ProspectForgetService } from './prospect-forget.service';

/** Support forgets a prospect of any account: the customer's erasure, with the staff member and a reason audited. */
@ApiTags('staff')
@ApiErrors(401)
@Controller('v1/staff/prospects')
export class StaffProspectsController {
  constructor(@Inject(ProspectForgetService) private readonly forgetting: ProspectForgetService) {}

  @Post(':id/forget')
  @HttpCode(200)
  @StaffRoles('support', 'admin')
  @ApiOperation({ summary: 'Forget a prospect (support, admin): erased and blacklisted as by POST /v1/prospects/:id/forget' })
  @ApiOkResponse({ type: ForgetResultDto })
  @ApiErrors(400, 403, 404)
  forget(
    @CurrentStaff() caller: StaffContext,
    @Param('id', ParseIdPipe) id: string,
    @Body() body: StaffReasonDto,
  ): Promise<ForgetResultDto> {
    return this.forgetting.forgetAsStaff(caller.staffUserId, id, body.reason);
  }
}
